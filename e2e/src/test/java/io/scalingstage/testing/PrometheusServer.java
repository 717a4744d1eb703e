package io.scalingstage.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's binary, from e2e/control-plane/build) on 127.0.0.1, scraping the given targets every
 * second with their own labels kept (honor_labels, as kube-prometheus scrapes kube-state-metrics). It can be stopped
 * and started again on the same port and storage, as a Prometheus that restarts.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path directory;
    private final int port;
    private final boolean tls;
    private Process process;

    private PrometheusServer(Path directory, int port, boolean tls) {
        this.directory = directory;
        this.port = port;
        this.tls = tls;
    }

    /**
     * Starts a Prometheus with no data, its config, data and log under {@code directory}, scraping {@code targets}
     * (host:port).
     */
    public static PrometheusServer start(Path directory, String... targets) {
        return start(directory, false, targets);
    }

    /** The same, serving HTTPS with the certificate {@link TestCertificates} made in {@code directory}. */
    public static PrometheusServer startWithTls(Path directory, TestCertificates certificates, String... targets) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("web.yml"), """
                    tls_server_config:
                      cert_file: %s
                      key_file: %s
                    """.formatted(certificates.serverCertificate(), certificates.serverKey()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return start(directory, true, targets);
    }

    private static PrometheusServer start(Path directory, boolean tls, String... targets) {
        deleteData(directory.resolve("data"));
        PrometheusServer server = new PrometheusServer(directory, OperatorProcess.freePort(), tls);
        server.writeConfig(targets);
        server.resume();
        return server;
    }

    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public synchronized void pause() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized void resume() {
        if (process != null) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(Toolchain.get().prometheus().toString(),
                "--config.file=" + directory.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        if (tls) {
            command.add("--web.config.file=" + directory.resolve("web.yml"));
        }
        Path log = directory.resolve("prometheus.log");
        long readyBefore = readyLines(log);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Prometheus", e);
        }
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited:\n" + Commands.tail(log, 40));
            }
            if (readyLines(log) > readyBefore) {
                return;
            }
            sleep();
        }
        throw new IllegalStateException("Prometheus was not ready within " + STARTUP + ":\n"
                + Commands.tail(log, 40));
    }

    /** The value of one of Prometheus's own counters summed over the label sets whose text contains {@code labels}. */
    public double selfMetric(String name, String labels) {
        return MetricsText.sum(get("/metrics").body(), name, labels);
    }

    /** The queries Prometheus has answered on its HTTP API so far, instant and range. */
    public double queriesServed() {
        return selfMetric("prometheus_http_requests_total", "handler=\"/api/v1/query\"")
                + selfMetric("prometheus_http_requests_total", "handler=\"/api/v1/query_range\"");
    }

    @Override
    public void close() {
        pause();
    }

    private void writeConfig(String... targets) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                    - job_name: exporter
                      honor_labels: true
                      static_configs:
                      - targets: [%s]
                    """.formatted(Arrays.stream(targets).map(target -> "'" + target + "'").collect(Collectors.joining(", "))),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteData(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try (var files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + data, e);
        }
    }

    /** Prometheus logs this once it serves queries, over HTTP or HTTPS alike. */
    private static long readyLines(Path log) {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("Server is ready to receive web requests")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
