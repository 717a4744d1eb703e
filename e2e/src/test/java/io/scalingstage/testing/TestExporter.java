package io.scalingstage.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A Prometheus exporter on 127.0.0.1 that serves the series a test sets, under the names cAdvisor, kube-state-metrics,
 * ingress-nginx and CloudNativePG publish. A gauge is served as set; a counter grows at the rate the test gives it, so
 * PromQL's {@code rate()} reads that rate back. Stopping it leaves a gap in what Prometheus scrapes; starting it again
 * serves on the same port.
 */
public final class TestExporter implements AutoCloseable {

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    private TestExporter(int port) {
        this.port = port;
    }

    public static TestExporter start() {
        return start(OperatorProcess.freePort());
    }

    public static TestExporter start(int port) {
        TestExporter exporter = new TestExporter(port);
        exporter.resume();
        return exporter;
    }

    /** host:port, as a Prometheus target. */
    public String target() {
        return "127.0.0.1:" + port;
    }

    public TestExporter gauge(String name, Map<String, String> labels, double value) {
        series.put(key(name, labels), new Series(name, labels, value, 0, System.nanoTime()));
        return this;
    }

    /** A counter that from now on grows by {@code perSecond} each second, continuing from its current value. */
    public TestExporter counter(String name, Map<String, String> labels, double perSecond) {
        long now = System.nanoTime();
        series.compute(key(name, labels), (key, before) -> new Series(name, labels,
                before == null ? 0 : before.valueAt(now), perSecond, now));
        return this;
    }

    public synchronized void pause() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void resume() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + target(), e);
        }
        server.createContext("/metrics", exchange -> {
            byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @Override
    public void close() {
        pause();
    }

    private String exposition() {
        long now = System.nanoTime();
        return series.values().stream()
                .sorted((a, b) -> key(a.name, a.labels).compareTo(key(b.name, b.labels)))
                .map(s -> s.name + labels(s.labels) + " " + s.valueAt(now))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels(labels);
    }

    private static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private record Series(String name, Map<String, String> labels, double value, double perSecond, long since) {

        double valueAt(long now) {
            return value + perSecond * (now - since) / 1e9;
        }
    }
}
