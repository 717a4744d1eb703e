package io.scalingstage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the GitOps tools make of an object, each computed by the real thing: Argo CD's verdict by the project's health
 * check run in Debian's Lua 5.1 the way Argo CD runs it, Flux's by kstatus (sigs.k8s.io/cli-utils) through the
 * project's kstatus check.
 */
public final class GitOpsHealth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GitOpsHealth() {
    }

    /** A health status and its message, as one tool reports them. */
    public record Verdict(String status, String message) {
    }

    /** Argo CD's health of the object in {@code json}, by the checked-in health check. */
    public static Verdict argoCd(String json) {
        return argoCd(Toolchain.get().argoCdHealthCheck(), json);
    }

    /** Argo CD's health of the object in {@code json}, by the health check in {@code script}. */
    public static Verdict argoCd(Path script, String json) {
        try {
            Path object = Files.createTempFile("object", ".lua");
            try {
                Files.writeString(object, LuaLiteral.chunk(JSON.readTree(json)));
                Commands.Result run = Commands.execute(List.of(Toolchain.get().lua().toString(), runner().toString(),
                        script.toString(), object.toString()), null);
                if (run.exit() != 0) {
                    throw new IllegalStateException("the health check " + script + " failed: " + run.stderr());
                }
                String[] lines = run.stdout().split("\n", 2);
                return new Verdict(lines[0], lines.length > 1 ? lines[1].stripTrailing() : "");
            } finally {
                Files.delete(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kstatus's status of the object in {@code json}. */
    public static Verdict kstatus(String json) {
        Commands.Result run = Commands.execute(List.of(Toolchain.get().kstatus().toString()), json);
        if (run.exit() != 0) {
            throw new IllegalStateException("kstatus failed: " + run.stderr());
        }
        try {
            JsonNode result = JSON.readTree(run.stdout());
            return new Verdict(result.path("status").asText(), result.path("message").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kstatus printed no JSON: " + run.stdout(), e);
        }
    }

    private static Path runner() {
        try {
            return Path.of(GitOpsHealth.class.getResource("/gitops/argocd-health-runner.lua").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
