package io.scalingstage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A container image from an OCI image layout tarball (what the build writes), unpacked: the layout as it is
 * ({@code oci-layout}, {@code index.json}, {@code blobs/}), the one manifest its index lists, that manifest's config,
 * and its layers applied in order into one root directory, as a container runtime lays them.
 */
public final class ContainerImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path layout;
    private final JsonNode index;
    private final JsonNode manifest;
    private final JsonNode config;
    private final String configDigest;
    private final List<String> layerDigests;
    private final Path root;

    private ContainerImage(Path layout, JsonNode index, JsonNode manifest, JsonNode config, String configDigest,
            List<String> layerDigests, Path root) {
        this.layout = layout;
        this.index = index;
        this.manifest = manifest;
        this.config = config;
        this.configDigest = configDigest;
        this.layerDigests = layerDigests;
        this.root = root;
    }

    /** Unpacks {@code tarball} under {@code directory}. */
    public static ContainerImage unpack(Path tarball, Path directory) throws IOException {
        Path layout = Files.createDirectories(directory.resolve("layout"));
        Commands.output(List.of("tar", "-xf", tarball.toString(), "-C", layout.toString()));
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifests = index.path("manifests");
        if (manifests.size() != 1) {
            throw new IOException("index.json lists " + manifests.size() + " manifests, not one image: " + manifests);
        }
        JsonNode manifest = JSON.readTree(blob(layout, manifests.get(0)).toFile());
        byte[] config = Files.readAllBytes(blob(layout, manifest.path("config")));
        Path root = Files.createDirectories(directory.resolve("rootfs"));
        List<String> layerDigests = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            layerDigests.add(applyLayer(layer, blob(layout, layer), root, directory.resolve("tar.log")));
        }
        return new ContainerImage(layout, index, manifest, JSON.readTree(config), sha256(config), layerDigests, root);
    }

    /** The layout's {@code oci-layout} file: {@code imageLayoutVersion}. */
    public JsonNode ociLayout() throws IOException {
        return JSON.readTree(layout.resolve("oci-layout").toFile());
    }

    /** The layout's {@code index.json}: the descriptor of the image's manifest, with the image's name. */
    public JsonNode index() {
        return index;
    }

    /** The layout's {@code blobs} directory: {@code <algorithm>/<encoded digest>} for each blob. */
    public Path blobs() {
        return layout.resolve("blobs");
    }

    /** The image manifest the index points to: {@code config} and {@code layers} descriptors. */
    public JsonNode manifest() {
        return manifest;
    }

    /** The image config: {@code config.User}, {@code config.Entrypoint}, {@code rootfs.diff_ids}, ... */
    public JsonNode config() {
        return config;
    }

    /** The digest of the config blob, which is the image's id. */
    public String configDigest() {
        return configDigest;
    }

    /** The digest of each layer's uncompressed content, in order: what {@code rootfs.diff_ids} must list. */
    public List<String> layerDigests() {
        return layerDigests;
    }

    /** The directory the layers were applied into: the container's {@code /}. */
    public Path root() {
        return root;
    }

    /** The config's environment ({@code config.Env}). */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        config.path("config").path("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        return environment;
    }

    /**
     * Where a path of the container (absolute, or relative to {@code config.WorkingDir}) is under {@link #root()},
     * symbolic links followed the way they resolve inside the container (an absolute target starts again from the
     * image's root, never the host's).
     */
    public Path file(String path) throws IOException {
        String absolutePath = path.startsWith("/") ? path : config.path("config").path("WorkingDir").asText() + "/" + path;
        Deque<String> parts = new ArrayDeque<>(List.of(absolutePath.split("/")));
        Path current = root;
        int links = 0;
        while (!parts.isEmpty()) {
            String part = parts.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (!Files.isSymbolicLink(next)) {
                current = next;
                continue;
            }
            if (++links > 40) {
                throw new IOException("too many symbolic links in " + absolutePath);
            }
            String target = Files.readSymbolicLink(next).toString();
            if (target.startsWith("/")) {
                current = root;
            }
            List<String> targetParts = List.of(target.split("/"));
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                parts.push(targetParts.get(i));
            }
        }
        return current;
    }

    /** The executable file {@code command} names, through the image's PATH unless it has a slash, as exec finds it. */
    public Optional<Path> which(String command) throws IOException {
        if (command.contains("/")) {
            return Optional.of(file(command)).filter(ContainerImage::isExecutableFile);
        }
        for (String directory : environment().getOrDefault("PATH", "").split(":")) {
            Path candidate = file(directory + "/" + command);
            if (isExecutableFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(path);
    }

    private static Path blob(Path layout, JsonNode descriptor) {
        return layout.resolve("blobs").resolve(descriptor.path("digest").asText().replace(':', '/'));
    }

    /**
     * Extracts a layer into {@code root}, uncompressed as its media type says, and returns the digest of its
     * uncompressed content.
     */
    private static String applyLayer(JsonNode descriptor, Path layer, Path root, Path log) throws IOException {
        String mediaType = descriptor.path("mediaType").asText();
        boolean gzipped = switch (mediaType) {
            case "application/vnd.oci.image.layer.v1.tar+gzip" -> true;
            case "application/vnd.oci.image.layer.v1.tar" -> false;
            default -> throw new IOException("layer " + descriptor + " is of no media type this reads: " + mediaType);
        };
        MessageDigest digest = sha256();
        // Jib's layers carry libarchive's pax keywords, which GNU tar warns about and otherwise reads fine.
        Process tar = new ProcessBuilder("tar", "-x", "--no-same-owner", "--warning=no-unknown-keyword",
                "-C", root.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // A tar that gives up closes the pipe: what it said is the reason, not the broken pipe.
        IOException writing = null;
        try (InputStream file = Files.newInputStream(layer);
                InputStream content = new DigestInputStream(gzipped ? new GZIPInputStream(file) : file, digest);
                OutputStream stdin = tar.getOutputStream()) {
            content.transferTo(stdin);
        } catch (IOException e) {
            writing = e;
        }
        try {
            if (tar.waitFor() != 0) {
                throw new IOException("tar could not extract " + layer + " as " + mediaType + ":\n"
                        + Commands.tail(log, 20), writing);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (writing != null) {
            throw writing;
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of a file's bytes, as a descriptor names it. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream content = new DigestInputStream(Files.newInputStream(file), digest)) {
            content.transferTo(OutputStream.nullOutputStream());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
