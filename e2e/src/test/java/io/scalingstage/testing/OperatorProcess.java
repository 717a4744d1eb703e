package io.scalingstage.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code operator/target/quarkus-app/quarkus-run.jar}) running in its own JVM against a local
 * cluster, its HTTP endpoints (health, metrics) on 127.0.0.1 only.
 */
public final class OperatorProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private OperatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the operator authenticated by {@code kubeconfig}, with the given extra environment; waits until it is
     * ready.
     */
    public static OperatorProcess start(Path kubeconfig, Path log, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Toolchain.get().operatorJar().toString());
        builder.environment().putAll(withDefaults(environment));
        return start(builder, kubeconfig, log);
    }

    /**
     * Starts the operator as the tests' ServiceAccount of {@code cluster} (bound to cluster-admin), logging to
     * {@code operator.log} in the test log directory {@code logDirectory}; waits until it is ready.
     */
    public static OperatorProcess start(TestCluster cluster, String logDirectory, Map<String, String> environment) {
        return start(OperatorIdentity.kubeconfig(cluster), Toolchain.get().logDirectory(logDirectory).resolve("operator.log"),
                environment);
    }

    /**
     * Starts the operator as {@code command} in {@code workingDirectory} with no environment but {@code environment}
     * (a container image's way to run it), authenticated by {@code kubeconfig}; waits until it is ready.
     */
    public static OperatorProcess start(List<String> command, Path workingDirectory, Map<String, String> environment,
            Path kubeconfig, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(withDefaults(environment));
        return start(builder, kubeconfig, log);
    }

    /**
     * One process per cluster, restarted often: a Lease would make each restart wait out the last holder's 15 s. The
     * tests of leader election and of the chart's permissions turn it on.
     */
    private static Map<String, String> withDefaults(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(Map.of("SCALINGSTAGE_LEADER_ELECTION_ENABLED", "false"));
        env.putAll(environment);
        return env;
    }

    private static OperatorProcess start(ProcessBuilder builder, Path kubeconfig, Path log) {
        int port = freePort();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            OperatorProcess operator = new OperatorProcess(builder.start(), port, log);
            operator.awaitReady();
            return operator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the operator", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** GETs a path of the operator's HTTP endpoint and returns status code and body. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum over all label sets of a metric on /q/metrics; 0 when it is not there yet. */
    public double metric(String name) {
        return metric(name, "");
    }

    /** The sum over the label sets of a metric that are in {@code namespace}; 0 when there is none. */
    public double metric(String name, String namespace) {
        try {
            return MetricsText.sum(get("/q/metrics").body(), name, namespace.isEmpty() ? "" : "namespace=\"" + namespace + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is released. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A graceful stop (SIGTERM, as the kubelet stops a pod), returning at once; {@link #close()} waits for it. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with " + process.exitValue() + ":\n" + Commands.tail(log, 60));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the operator was not ready within " + STARTUP + ":\n" + Commands.tail(log, 60));
    }

    /** A port no one listens on at 127.0.0.1, for a process a test starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
