package io.scalingstage.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local control plane's binaries, built (or found in the cache) once per test JVM by the project's own
 * {@code e2e/control-plane/build}, and the project's files the tests use.
 */
public final class Toolchain {

    private static Toolchain instance;

    private final Path root;
    private final Map<String, Path> paths;

    private Toolchain(Path root, Map<String, Path> paths) {
        this.root = root;
        this.paths = paths;
    }

    public static synchronized Toolchain get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("scalingstage.root", "..")).toAbsolutePath().normalize();
            Path log = root.resolve("e2e/target/control-plane-build.log");
            Commands.run(List.of(root.resolve("e2e/control-plane/build").toString()), log);
            Map<String, Path> paths = new LinkedHashMap<>();
            for (String line : Commands.output(List.of(root.resolve("e2e/control-plane/build").toString(), "--paths"))
                    .split("\n")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    paths.put(line.substring(0, equals), Path.of(line.substring(equals + 1)));
                }
            }
            instance = new Toolchain(root, paths);
        }
        return instance;
    }

    public Path root() {
        return root;
    }

    public Path kubectl() {
        return path("KUBECTL");
    }

    /** Helm 3. */
    public Path helm() {
        return path("HELM");
    }

    /** Helm 4, the current major. */
    public Path helm4() {
        return path("HELM4");
    }

    /** The operator's Helm chart, as checked in. */
    public Path helmChart() {
        return root.resolve("helm/scalingstage-operator");
    }

    public Path prometheus() {
        return path("PROMETHEUS");
    }

    /** Debian's nginx, the server the edge and the API gateway run. */
    public Path nginx() {
        return path("NGINX");
    }

    /** Debian's Redis server, the cache of stage 5. */
    public Path redisServer() {
        return path("REDIS_SERVER");
    }

    /** Debian's redis-cli, from the same package as the server. */
    public Path redisCli() {
        return redisServer().resolveSibling("redis-cli");
    }

    /** Debian's Lua 5.1 interpreter, the Lua Argo CD runs health checks in. */
    public Path lua() {
        return path("LUA");
    }

    /** The project's kstatus check: prints what sigs.k8s.io/cli-utils' kstatus, as Flux uses it, makes of an object. */
    public Path kstatus() {
        return path("KSTATUS");
    }

    /** The Argo CD health check for ScalingStages, as checked in. */
    public Path argoCdHealthCheck() {
        return root.resolve("samples/gitops/argocd/health.lua");
    }

    /** The folder with CloudNativePG's Cluster and Pooler CRDs, taken from its pinned Go module. */
    public Path cloudNativePgCrds() {
        return path("CNPG_CRDS");
    }

    /** The project's own CRD, as checked in. */
    public Path scalingStageCrd() {
        return root.resolve("crds/scalingstages.scalingstage.io-v1.yml");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path clusterScript() {
        return root.resolve("e2e/control-plane/cluster");
    }

    /** The operator as packaged by {@code mvn package}: the artifact users run. */
    public Path operatorJar() {
        Path jar = root.resolve("operator/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: run ./mvnw package first");
        }
        return jar;
    }

    /** The operator's container image as the build writes it: an OCI image layout tarball of Jib's image. */
    public Path operatorImage() {
        Path image = root.resolve("operator/target/scalingstage-operator-image.oci.tar");
        if (!Files.exists(image)) {
            throw new IllegalStateException(image + " does not exist: run ./mvnw package first");
        }
        return image;
    }

    /** The reference the build tagged the image with (Quarkus's quarkus-artifact.properties). */
    public String operatorImageReference() {
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve("operator/target/quarkus-artifact.properties"))) {
            artifact.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the build's quarkus-artifact.properties: run ./mvnw package first", e);
        }
        return artifact.getProperty("metadata.container-image");
    }

    /** A folder under e2e/target for one test's logs. */
    public Path logDirectory(String name) {
        Path dir = root.resolve("e2e/target/test-logs").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    private Path path(String key) {
        Path path = paths.get(key);
        if (path == null) {
            throw new IllegalStateException("e2e/control-plane/build --paths did not name " + key);
        }
        return path;
    }
}
