package io.scalingstage.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx on 127.0.0.1 running the configuration the operator generates, with only what ties it to a pod moved:
 * each {@code listen} port to a free loopback port, each upstream Service's address to a local one, and the pod's
 * writable folders ({@code /tmp}, the cache volume) into a folder of the test's. Every other line is the operator's.
 */
public final class NginxServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<Integer, Integer> ports;
    private final Process process;
    private final Path log;

    private NginxServer(Map<Integer, Integer> ports, Process process, Path log) {
        this.ports = ports;
        this.process = process;
        this.log = log;
    }

    /**
     * @param config the generated nginx.conf
     * @param listenPorts the ports the configuration listens on in the pod
     * @param upstreams each upstream as the configuration names it ({@code http://name.namespace.svc:80}) to the
     *     {@code http://127.0.0.1:port} that stands in for it
     * @param cacheDirectory the cache volume's mount path in the pod
     */
    public static NginxServer start(Path directory, String config, Iterable<Integer> listenPorts, Map<String, String> upstreams,
            String cacheDirectory) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        String local = config;
        for (int port : listenPorts) {
            ports.put(port, OperatorProcess.freePort());
            local = replace(local, "listen " + port + ";", "listen 127.0.0.1:" + ports.get(port) + ";");
        }
        for (Map.Entry<String, String> upstream : upstreams.entrySet()) {
            local = replace(local, "proxy_pass " + upstream.getKey() + ";", "proxy_pass " + upstream.getValue() + ";");
        }
        if (local.contains(".svc")) {
            throw new IllegalArgumentException("an upstream was not given a local address:\n" + local);
        }
        local = replace(local, " /tmp/", " " + directory.resolve("tmp") + "/");
        if (local.contains(cacheDirectory)) {
            local = local.replace(cacheDirectory, directory.resolve("cache").toString());
        }
        try {
            Files.createDirectories(directory.resolve("tmp"));
            Files.createDirectories(directory.resolve("cache"));
            Path conf = directory.resolve("nginx.conf");
            Files.writeString(conf, local);
            Path log = directory.resolve("nginx.log");
            // As the nginx image runs it: in the foreground.
            Process process = new ProcessBuilder(Toolchain.get().nginx().toString(), "-p", directory.toString(),
                    "-e", "stderr", "-c", conf.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            NginxServer server = new NginxServer(ports, process, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start nginx", e);
        }
    }

    /** An HTTP GET of {@code path} on the loopback port standing in for the pod's {@code podPort}. */
    public HttpResponse<String> get(int podPort, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(podPort) + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed; nginx log:\n" + Commands.tail(log, 20), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(int podPort, String path) {
        return get(podPort, path, Map.of());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plusSeconds(20);
        for (int port : ports.values()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited:\n" + Commands.tail(log, 40));
                }
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("nginx is not listening on " + port + ":\n" + Commands.tail(log, 40));
                    }
                    sleep();
                }
            }
        }
    }

    /** Replaces every occurrence, failing when there is none: a rewrite that finds nothing would test another config. */
    private static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalArgumentException("the configuration has no \"" + from + "\":\n" + text);
        }
        return text.replace(from, to);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
