package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.scalingstage.testing.Commands;
import io.scalingstage.testing.GitOpsCase;
import io.scalingstage.testing.GitOpsHealth;
import io.scalingstage.testing.GitOpsHealth.Verdict;
import io.scalingstage.testing.Toolchain;

/**
 * The GitOps mapping without a cluster: Argo CD's health check (in Debian's Lua 5.1) and kstatus over the
 * ScalingStages a GitOpsE2E run captured, the harness's faithfulness to Argo CD's Lua sandbox, and the samples under
 * samples/gitops.
 */
class GitOpsIT {

    private static final Path CAPTURES = Toolchain.get().root().resolve("e2e/src/test/resources/gitops/captures");
    private static final Path GITOPS = Toolchain.get().samples().resolve("gitops");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A captured ScalingStage, as the sandbox tests' input. */
    private static final GitOpsCase ANY = GitOpsCase.CONVERGED;

    @TestFactory
    Stream<DynamicTest> everyCapturedStateReadsAsItsCaseSays() {
        return Arrays.stream(GitOpsCase.values()).map(state -> DynamicTest.dynamicTest(state.file(),
                () -> state.check(Files.readString(CAPTURES.resolve(state.file())))));
    }

    @Test
    void theCapturesAreTheCasesNoMoreNoLess() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(CAPTURES)) {
            files = listing.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .collect(Collectors.toSet());
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(GitOpsCase.values()).map(GitOpsCase::file).toList());
    }

    @Test
    void theArgoCdConfigMapEmbedsTheHealthCheckAsItIs() throws IOException {
        JsonNode configMap = YAML.readTree(GITOPS.resolve("argocd/argocd-cm.yaml").toFile());
        assertThat(configMap.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
        assertThat(configMap.path("data").path("resource.customizations.health.scalingstage.io_ScalingStage").asText())
                .isEqualTo(Files.readString(Toolchain.get().argoCdHealthCheck()));
    }

    @Test
    void theHealthCheckRunsWithoutTheLibrariesArgoCdLeavesOut(@TempDir Path directory) throws IOException {
        String json = capture(ANY);
        for (String script : List.of("return { status = string.upper(\"healthy\") }",
                "local s = \"Healthy\"; return { status = s:upper() }", "return { status = \"Healthy\", x = math.max(1, 2) }",
                "return { status = \"Healthy\", x = io.read() }")) {
            Path file = Files.writeString(directory.resolve("check.lua"), script);
            assertThatThrownBy(() -> GitOpsHealth.argoCd(file, json)).as(script)
                    .hasMessageContaining("attempt to index");
        }
    }

    @Test
    void aScriptGivingNoTableOrAnUnknownStatusIsReadAsArgoCdReadsIt(@TempDir Path directory) throws IOException {
        String json = capture(ANY);
        Path noTable = Files.writeString(directory.resolve("no-table.lua"), "return \"Healthy\"");
        assertThatThrownBy(() -> GitOpsHealth.argoCd(noTable, json)).hasMessageContaining("expect table output");
        Path unknown = Files.writeString(directory.resolve("unknown.lua"), "return { status = \"Fine\" }");
        assertThat(GitOpsHealth.argoCd(unknown, json))
                .isEqualTo(new Verdict("Unknown", "Lua returned an invalid health status"));
    }

    @Test
    void theObjectReachesLuaAsArgoCdHandsIt(@TempDir Path directory) throws IOException {
        ObjectNode object = (ObjectNode) JSON.readTree(capture(ANY));
        String text = "quote \" backslash \\ newline \n tab \t bell \u0007 digit after escape \u00011 é ✓";
        object.withObjectProperty("metadata").withObjectProperty("annotations").put("note", text).putNull("gone");
        object.withObjectProperty("status").put("ratio", 0.75);
        Path echo = Files.writeString(directory.resolve("echo.lua"), """
                local a = obj.metadata.annotations
                return { status = "Healthy", message = a.note .. "|" .. tostring(a.gone) .. "|" .. obj.status.ratio
                  .. "|" .. obj.metadata.generation .. "|" .. #obj.status.conditions .. "|" .. obj.status.conditions[1].type }
                """);
        assertThat(GitOpsHealth.argoCd(echo, object.toString()).message())
                .isEqualTo(text + "|nil|0.75|1|" + object.path("status").path("conditions").size() + "|Ready");
    }

    @Test
    void kstatusRefusesWhatIsNotAKubernetesObject() {
        assertThatThrownBy(() -> GitOpsHealth.kstatus("{\"kind\": ")).hasMessageContaining("not a Kubernetes object in JSON");
    }

    @Test
    void fluxBuildsExactlyTheStageOneSampleInItsNamespace() throws IOException {
        // Flux's kustomize-controller builds with files outside the folder allowed, within the repository.
        String built = Commands.output(List.of(Toolchain.get().kubectl().toString(), "kustomize",
                "--load-restrictor=LoadRestrictionsNone", GITOPS.resolve("flux/stage-1").toString()));
        List<JsonNode> objects;
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(built)) {
            objects = documents.readAll();
        }
        assertThat(objects).extracting(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                .containsExactly("Namespace/shop", "ScalingStage/shop");
        ObjectNode sample = (ObjectNode) YAML.readTree(Toolchain.get().samples().resolve("stage-1.yaml").toFile());
        sample.withObjectProperty("metadata").put("namespace", "shop");
        assertThat(objects.get(1)).isEqualTo(sample);
    }

    @Test
    void fluxKustomizationWaitsForThatFolderFromItsSource() throws IOException {
        JsonNode source = YAML.readTree(GITOPS.resolve("flux/gitrepository.yaml").toFile());
        JsonNode kustomization = YAML.readTree(GITOPS.resolve("flux/flux-kustomization.yaml").toFile());
        assertThat(source.path("apiVersion").asText()).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(kustomization.path("apiVersion").asText()).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
        JsonNode spec = kustomization.path("spec");
        assertThat(spec.path("sourceRef").path("kind").asText()).isEqualTo(source.path("kind").asText());
        assertThat(spec.path("sourceRef").path("name").asText()).isEqualTo(source.path("metadata").path("name").asText());
        assertThat(spec.path("wait").asBoolean()).isTrue();
        assertThat(Toolchain.get().root().resolve(spec.path("path").asText()).resolve("kustomization.yaml")).exists();
    }

    @Test
    void argoCdApplicationTakesOneSampleFromTheSamplesFolder() throws IOException {
        JsonNode application = YAML.readTree(GITOPS.resolve("argocd/application.yaml").toFile());
        assertThat(application.path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
        assertThat(application.path("kind").asText()).isEqualTo("Application");
        JsonNode source = application.path("spec").path("source");
        Path folder = Toolchain.get().root().resolve(source.path("path").asText());
        assertThat(folder).isEqualTo(Toolchain.get().samples());
        assertThat(folder.resolve(source.path("directory").path("include").asText())).isRegularFile();
        assertThat(source.path("directory").path("recurse").asBoolean()).as("samples/gitops is no ScalingStage").isFalse();
    }

    private static String capture(GitOpsCase state) throws IOException {
        return Files.readString(CAPTURES.resolve(state.file()));
    }
}
