package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithApiServer;

/**
 * Bad input is refused at the door: every manifest of the invalid corpus is rejected by the real API server (schema and
 * CEL rules of the generated CRD) with a message that names the field, and every sample is accepted. Applied with
 * kubectl's server-side apply, the way users apply them.
 */
@WithApiServer(cloudNativePg = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrdValidationIT {

    private static final Path CORPUS = Path.of("src/test/resources/invalid");

    private final LocalCluster cluster;
    private String namespace;

    CrdValidationIT(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void namespace() {
        namespace = cluster.createNamespace("validation");
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidManifestIsRejectedNamingTheField() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> rejected(file)));
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsAccepted() throws IOException {
        List<Path> samples;
        try (Stream<Path> listing = Files.list(Toolchain.get().samples())) {
            samples = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            Commands.Result result = cluster.kubectl(null, "apply", "--server-side", "-n", namespace, "-f", sample.toString());
            assertThat(result.exit()).as(result.stderr()).isZero();
            cluster.kubectlOk("delete", "-n", namespace, "-f", sample.toString());
        }));
    }

    private void rejected(Path file) throws IOException {
        String content = Files.readString(file);
        List<String> expected = content.lines().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length())).toList();
        assertThat(expected).as("%s names what it expects", file).isNotEmpty();
        List<String> documents = Arrays.stream(content.split("(?m)^---$")).map(String::strip).toList();
        try {
            for (String accepted : documents.subList(0, documents.size() - 1)) {
                Commands.Result result = apply(accepted);
                assertThat(result.exit()).as("the document before the refused update is valid: %s", result.stderr()).isZero();
            }
            Commands.Result result = apply(documents.get(documents.size() - 1));
            assertThat(result.exit()).as("%s must be rejected", file.getFileName()).isNotZero();
            assertThat(result.stderr()).contains(expected);
        } finally {
            cluster.kubectl(null, "delete", "scalingstage", "--all", "-n", namespace, "--wait=false");
        }
    }

    private Commands.Result apply(String manifest) {
        return cluster.kubectl(manifest, "apply", "--server-side", "-n", namespace, "-f", "-");
    }
}
