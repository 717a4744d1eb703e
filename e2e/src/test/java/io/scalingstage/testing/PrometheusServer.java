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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private Process process;

    private PrometheusServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts Prometheus with its config, data and log under {@code directory}, scraping {@code targets} (host:port). */
    public static PrometheusServer start(Path directory, String... targets) {
        PrometheusServer server = new PrometheusServer(directory, OperatorProcess.freePort());
        server.writeConfig(targets);
        server.resume();
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
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
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("prometheus.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Prometheus", e);
        }
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited:\n" + Commands.tail(directory.resolve("prometheus.log"), 40));
            }
            if (ready()) {
                return;
            }
            sleep();
        }
        throw new IllegalStateException("Prometheus was not ready within " + STARTUP + ":\n"
                + Commands.tail(directory.resolve("prometheus.log"), 40));
    }

    /** The value of one of Prometheus's own counters summed over the label sets whose text contains {@code labels}. */
    public double selfMetric(String name, String labels) {
        String body = get("/metrics").body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
        double sum = 0;
        while (matcher.find()) {
            if (matcher.group(1) != null && matcher.group(1).contains(labels)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
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

    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IllegalStateException e) {
            return false;
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
