package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scalingstage.testing.Commands;
import io.scalingstage.testing.ContainerImage;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorIdentity;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithApiServer;

/**
 * The operator's container image as the build writes it (Jib through Quarkus, on the base operator/image/base makes,
 * written out by operator/image/docker): an OCI image layout named after the image Quarkus built, each blob under the
 * digest of its bytes and at the size its descriptor gives; its config runs the operator as a non-root numeric user
 * and exposes the HTTP port of health and metrics, its layers hold the application and the x86-64 Java runtime the
 * entrypoint names, and that runtime, on the image's own C library, runs the image's own application against an API
 * server without writing into the image.
 */
@WithApiServer(cloudNativePg = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorImageIT {

    /** Quarkus's one HTTP port: /q/health and /q/metrics, the chart's containerPort. */
    private static final String HTTP_PORT = "8080/tcp";

    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final String OCI_GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    private final LocalCluster cluster;
    private ContainerImage image;

    OperatorImageIT(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void unpack(@TempDir Path directory) throws IOException {
        image = ContainerImage.unpack(Toolchain.get().operatorImage(), directory);
    }

    @Test
    void isAnOciImageLayoutNamedAfterTheBuildsImageWithEveryBlobUnderItsDigest() throws IOException {
        assertThat(image.ociLayout().path("imageLayoutVersion").asText()).as("oci-layout's imageLayoutVersion")
                .isEqualTo("1.0.0");
        JsonNode index = image.index();
        assertThat(index.path("schemaVersion").asInt()).as("index.json's schemaVersion").isEqualTo(2);
        assertThat(index.path("mediaType").asText()).as("index.json's mediaType").isEqualTo(OCI_INDEX);
        JsonNode manifestDescriptor = index.path("manifests").get(0); // the only one: unpack insists
        assertThat(manifestDescriptor.path("mediaType").asText()).as("the manifest's mediaType")
                .isEqualTo(OCI_MANIFEST);
        // podman load and ctr image import name the image after the annotations: the name Quarkus built it as.
        String reference = Toolchain.get().operatorImageReference();
        assertThat(reference).as("the image Quarkus built").startsWith("ghcr.io/scalingstage/scalingstage-operator:");
        JsonNode annotations = manifestDescriptor.path("annotations");
        assertThat(annotations.path("io.containerd.image.name").asText()).as("io.containerd.image.name")
                .isEqualTo(reference);
        assertThat(annotations.path("org.opencontainers.image.ref.name").asText())
                .as("org.opencontainers.image.ref.name, the tag")
                .isEqualTo(reference.substring(reference.lastIndexOf(':') + 1));

        JsonNode manifest = image.manifest();
        assertThat(manifest.path("schemaVersion").asInt()).as("the manifest's schemaVersion").isEqualTo(2);
        assertThat(manifest.path("mediaType").asText()).as("the manifest's mediaType").isEqualTo(OCI_MANIFEST);
        assertThat(manifest.path("config").path("mediaType").asText()).as("the config's mediaType")
                .isEqualTo(OCI_CONFIG);
        // Jib and operator/image/base gzip every layer.
        assertThat(manifest.path("layers")).as("the layers").isNotEmpty()
                .allSatisfy(layer -> assertThat(layer.path("mediaType").asText()).as("mediaType of layer %s", layer)
                        .isEqualTo(OCI_GZIP_LAYER));

        // Each blob's name is the digest of its bytes, and the blobs are exactly those described, at their sizes.
        Map<String, Long> described = new TreeMap<>();
        List<JsonNode> descriptors = new ArrayList<>(List.of(manifestDescriptor, manifest.path("config")));
        manifest.path("layers").forEach(descriptors::add);
        for (JsonNode descriptor : descriptors) {
            described.put(descriptor.path("digest").asText(), descriptor.path("size").asLong());
        }
        Map<String, Long> blobs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(image.blobs())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = image.blobs().relativize(file).toString().replace('/', ':');
                assertThat(ContainerImage.sha256(file)).as("the digest of blob %s", name).isEqualTo(name);
                blobs.put(name, Files.size(file));
            }
        }
        assertThat(blobs).as("the blobs' digests and sizes against the descriptors'").isEqualTo(described);
    }

    @Test
    void configRunsTheOperatorAsANonRootNumericUserAndExposesItsHttpPort() {
        JsonNode config = image.config().path("config");
        assertThat(config.path("User").asText()).as("User").matches("[0-9]+").isNotEqualTo("0");
        assertThat(entrypoint()).as("Entrypoint").containsSubsequence("-jar", "quarkus-run.jar");
        assertThat(config.path("ExposedPorts").has(HTTP_PORT)).as("ExposedPorts %s has %s", config.path("ExposedPorts"),
                HTTP_PORT).isTrue();
    }

    @Test
    void layersHoldTheApplicationAndTheX8664RuntimeTheEntrypointNames() throws IOException {
        // Each layer is what the config says it is: a runtime verifies this when it loads the image.
        List<String> diffIds = new ArrayList<>();
        image.config().path("rootfs").path("diff_ids").forEach(id -> diffIds.add(id.asText()));
        assertThat(image.layerDigests()).as("the layers' content against rootfs.diff_ids").isEqualTo(diffIds);
        // The tarball is the image this build made, not one left from an earlier build.
        assertThat(image.configDigest()).as("the config's digest against the build's jib-image.id")
                .isEqualTo(Files.readString(Toolchain.get().root().resolve("operator/target/jib-image.id")).strip());

        Path java = java();
        String loader = interpreter(java);
        assertThat(image.file(loader)).as("the C library's loader %s that the runtime names", loader).isRegularFile();
        Path home = java.getParent().getParent();
        assertThat(Files.readString(home.resolve("release"))).as("the runtime's release file")
                .containsPattern("JAVA_VERSION=\"(1[7-9]|[2-9][0-9])[.\"]");
        assertThat(application()).as("the application's launcher jar").isRegularFile();
        assertThat(application().resolveSibling("lib/boot")).as("its boot class path").isDirectoryContaining("glob:**.jar");
    }

    @Test
    void theImagesRuntimeRunsTheImagesOperatorWithoutWritingIntoTheImage() throws IOException, InterruptedException {
        Path java = java();
        Path loader = image.file(interpreter(java));
        // The image's loader, asked for the directories it searches inside a container, and pointed at the image's
        // copies of them: no library of the host is used (the maps below prove it).
        List<String> libraryPath = new ArrayList<>();
        for (String line : Commands.output(List.of(loader.toString(), "--help")).split("\n")) {
            if (line.endsWith("(system search path)")) {
                libraryPath.add(image.file(line.strip().split(" ")[0]).toString());
            }
        }
        assertThat(libraryPath).as("the loader's system search path").isNotEmpty();
        List<String> command = new ArrayList<>(List.of(loader.toString(), "--inhibit-cache",
                "--library-path", String.join(":", libraryPath), java.toString()));
        command.addAll(entrypoint().subList(1, entrypoint().size()));
        image.config().path("config").path("Cmd").forEach(argument -> command.add(argument.asText()));

        Map<String, String> before = snapshot(image.root());
        Path log = Toolchain.get().logDirectory("operator-image").resolve("operator.log");
        try (OperatorProcess operator = OperatorProcess.start(command, application().getParent(), image.environment(),
                OperatorIdentity.kubeconfig(cluster), log)) {
            assertThat(operator.get("/q/health/started").statusCode()).as("/q/health/started").isEqualTo(200);
            assertThat(operator.get("/q/metrics").body()).as("/q/metrics").contains("jvm_threads_live_threads");
            Set<String> libraries;
            try (Stream<String> maps = Files.lines(Path.of("/proc", String.valueOf(operator.pid()), "maps"))) {
                libraries = maps.map(line -> line.replaceFirst("^(\\S+\\s+){5}", ""))
                        .filter(file -> file.matches("/.*\\.so(\\.[0-9.]+)?")).collect(Collectors.toSet());
            }
            assertThat(libraries).as("the shared objects the operator runs on").isNotEmpty()
                    .anyMatch(file -> file.endsWith("/libc.so.6")).anyMatch(file -> file.endsWith("/libjvm.so"))
                    .allMatch(file -> file.startsWith(image.root() + "/"));
        }
        // The chart mounts the root filesystem read-only; the operator writes only to /tmp, which it mounts.
        Map<String, String> after = snapshot(image.root());
        Set<String> written = new TreeSet<>(after.keySet());
        written.addAll(before.keySet());
        written.removeIf(path -> Objects.equals(before.get(path), after.get(path)));
        assertThat(written).as("the image's files the operator created, changed or deleted").isEmpty();
    }

    private List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        image.config().path("config").path("Entrypoint").forEach(argument -> entrypoint.add(argument.asText()));
        assertThat(entrypoint).as("Entrypoint").isNotEmpty();
        return entrypoint;
    }

    /** The program the entrypoint starts: the image's java. */
    private Path java() throws IOException {
        String command = entrypoint().get(0);
        return image.which(command).orElseThrow(() -> new AssertionError(
                command + " is no executable of the image (PATH " + image.environment().get("PATH") + ")"));
    }

    /** The jar the entrypoint runs. */
    private Path application() throws IOException {
        List<String> entrypoint = entrypoint();
        return image.file(entrypoint.get(entrypoint.indexOf("-jar") + 1));
    }

    /** The program interpreter (the C library's loader) of an ELF executable, which must be 64-bit x86-64. */
    private static String interpreter(Path executable) throws IOException {
        byte[] bytes = Files.readAllBytes(executable);
        ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(elf.getInt(0)).as("%s is ELF", executable).isEqualTo(0x464c457f);
        assertThat(elf.get(4)).as("%s is 64-bit", executable).isEqualTo((byte) 2);
        assertThat(elf.getShort(0x12)).as("%s is x86-64", executable).isEqualTo((short) 62);
        long programHeaders = elf.getLong(0x20);
        int entrySize = elf.getShort(0x36);
        for (int i = 0; i < elf.getShort(0x38); i++) {
            int header = (int) programHeaders + i * entrySize;
            if (elf.getInt(header) == 3) { // PT_INTERP: a NUL-terminated path
                int offset = (int) elf.getLong(header + 8);
                int size = (int) elf.getLong(header + 0x20);
                return new String(bytes, offset, size - 1, StandardCharsets.US_ASCII);
            }
        }
        throw new AssertionError(executable + " names no interpreter");
    }

    /** Every path under {@code root} with its size and modification time. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                files.put(root.relativize(path).toString(), attributes.size() + " " + attributes.lastModifiedTime());
            }
        }
        return files;
    }
}
