package io.scalingstage.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every version of one ScalingStage from a resourceVersion on, as the API server's watch stream carries them
 * ({@code kubectl get --raw}, one JSON event a line, written to a file). Starting from the version a write returned
 * misses nothing, however fast the operator answers.
 */
public final class RawWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path stream;

    private RawWatch(Process process, Path stream) {
        this.process = process;
        this.stream = stream;
    }

    /** Watches ScalingStage {@code namespace/name} from {@code resourceVersion}, keeping the stream in {@code file}. */
    public static RawWatch start(TestCluster cluster, String namespace, String name, String resourceVersion, Path file) {
        String uri = "/apis/scalingstage.io/v1alpha1/namespaces/" + namespace + "/scalingstages?watch=true&resourceVersion="
                + resourceVersion + "&fieldSelector=metadata.name%3D" + name + "&timeoutSeconds=600";
        try {
            Files.createDirectories(file.getParent());
            Process process = new ProcessBuilder(List.of(Toolchain.get().kubectl().toString(), "--kubeconfig",
                    cluster.kubeconfig().toString(), "get", "--raw", uri))
                    .redirectOutput(file.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(file.resolveSibling(file.getFileName() + ".err").toFile()))
                    .start();
            return new RawWatch(process, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first version, in the order the API server sent them, that {@code wanted} accepts. */
    public JsonNode awaitFirst(Predicate<JsonNode> wanted, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> find(wanted), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<JsonNode> find(Predicate<JsonNode> wanted) throws IOException {
        if (!process.isAlive() && process.exitValue() != 0) {
            throw new IllegalStateException("the watch ended with " + process.exitValue() + ": "
                    + Files.readString(stream.resolveSibling(stream.getFileName() + ".err")));
        }
        String text = Files.readString(stream);
        // Only whole lines: the last one may still be arriving.
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                JsonNode object = event(line).path("object");
                if (wanted.test(object)) {
                    return Optional.of(object);
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode event(String line) {
        try {
            JsonNode event = JSON.readTree(line);
            if ("ERROR".equals(event.path("type").asText())) {
                throw new IllegalStateException("the watch failed: " + event.path("object"));
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a watch event: " + line, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
