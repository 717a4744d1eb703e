package io.scalingstage.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 standing in for a Service behind a proxy: it answers 200 with its name and the path it
 * got, and records each request's path and headers, so a test sees what the proxy passed on.
 */
public final class RecordingUpstream implements AutoCloseable {

    /** One request as the upstream received it; header names in lower case. */
    public record Request(String path, Map<String, String> headers) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RecordingUpstream(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            requests.add(new Request(exchange.getRequestURI().getRawPath(), headers));
            byte[] body = (name + " " + exchange.getRequestURI().getRawPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static RecordingUpstream start(String name) {
        try {
            return new RecordingUpstream(name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError(name + " received no request");
        }
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
