package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpServer;

import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.metrics.PrometheusSource;
import io.scalingstage.operator.metrics.Window;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.PrometheusServer;
import io.scalingstage.testing.TestExporter;
import io.scalingstage.testing.Toolchain;

/**
 * The Prometheus source against a real Prometheus scraping a test exporter every second: values come back as
 * Prometheus computed them, and every kind of missing data is Unknown with its reason, never a number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusSourceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final Map<String, String> POD = Map.of("namespace", "shop", "pod", "shop-6f7c9d8b5-x2k4q",
            "container", "app");

    private TestExporter exporter;
    private PrometheusServer prometheus;
    private PrometheusSource source;

    @BeforeAll
    void start() {
        exporter = TestExporter.start()
                .gauge("kube_pod_container_resource_requests", with(POD, "resource", "cpu"), 0.5)
                .counter("container_cpu_usage_seconds_total", POD, 0.4);
        prometheus = PrometheusServer.start(Toolchain.get().logDirectory("prometheus-source").resolve("prometheus"),
                exporter.target());
        source = new PrometheusSource(HTTP, URI.create(prometheus.url()), Optional.empty(), Duration.ofSeconds(5));
        // Ten seconds of scrapes, so every query below has a full window behind it.
        await().atMost(Duration.ofSeconds(30)).until(() -> source.range("kube_pod_container_resource_requests{resource=\"cpu\"}",
                Instant.now(), Duration.ofSeconds(10), STEP).complete());
    }

    @AfterAll
    void stop() {
        prometheus.close();
        exporter.close();
    }

    @Test
    void aRangeQueryReturnsEveryStepOfTheWindowAsPrometheusComputedIt() {
        Window window = source.range("""
                sum(rate(container_cpu_usage_seconds_total{namespace="shop", container="app"}[4s]))
                / sum(kube_pod_container_resource_requests{namespace="shop", container="app", resource="cpu"})
                """, Instant.now().minusSeconds(1), Duration.ofSeconds(5), STEP);

        assertThat(window.problem()).isEmpty();
        assertThat(window.present()).isEqualTo(6);
        // 0.4 CPU seconds per second over a 0.5 CPU request.
        assertThat(window.min().getAsDouble()).isBetween(0.7, 0.9);
        assertThat(window.max().getAsDouble()).isBetween(0.7, 0.9);
    }

    @Test
    void anInstantQueryReturnsOneValue() {
        Window window = source.instant("sum(kube_pod_container_resource_requests{resource=\"cpu\"})", Instant.now());

        assertThat(window.problem()).isEmpty();
        assertThat(window.last().getAsDouble()).isEqualTo(0.5);
    }

    @Test
    void aSeriesThatDoesNotExistIsNoDataNotZero() {
        Window window = source.range("sum(nginx_ingress_controller_response_size_sum)", Instant.now(),
                Duration.ofSeconds(5), STEP);

        assertThat(window.problem()).map(Problem::reason).contains(Problem.NO_DATA);
        assertThat(window.last()).isEmpty();
    }

    @Test
    void aDivisionByZeroIsNotANumber() {
        Window window = source.range("sum(kube_pod_container_resource_requests{resource=\"cpu\"}) * 0 / 0", Instant.now(),
                Duration.ofSeconds(5), STEP);

        assertThat(window.problem()).map(Problem::reason).contains(Problem.NOT_A_NUMBER);
    }

    @Test
    void aQueryPrometheusCannotParseFailsWithItsOwnMessage() {
        Window window = source.range("sum(rate(container_cpu_usage_seconds_total[4s])", Instant.now(),
                Duration.ofSeconds(5), STEP);

        assertThat(window.problem()).map(Problem::reason).contains(Problem.QUERY_FAILED);
        assertThat(window.problem().get().message()).contains("bad_data").contains("parse error");
    }

    @Test
    void aQueryWithSeveralSeriesIsRefusedRatherThanPickingOne() {
        exporter.gauge("kube_pod_container_resource_requests", with(POD, "resource", "memory"), 512e6);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.instant("count(kube_pod_container_resource_requests)",
                Instant.now()).last().orElse(0) == 2);

        Window window = source.instant("kube_pod_container_resource_requests", Instant.now());

        assertThat(window.problem()).map(Problem::reason).contains(Problem.QUERY_FAILED);
        assertThat(window.problem().get().message()).contains("2 series");
    }

    @Test
    void aStoppedExporterLeavesAGapThatMakesTheWindowIncomplete() throws InterruptedException {
        TestExporter flaky = TestExporter.start().gauge("up_for_a_while", Map.of(), 1);
        try (PrometheusServer own = PrometheusServer.start(Toolchain.get().logDirectory("prometheus-source")
                .resolve("prometheus-gap"), flaky.target())) {
            PrometheusSource ownSource = new PrometheusSource(HTTP, URI.create(own.url()), Optional.empty(),
                    Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> ownSource.range("up_for_a_while", Instant.now(),
                    Duration.ofSeconds(4), STEP).complete());
            flaky.pause();
            Thread.sleep(4000);
            flaky.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> ownSource.instant("up_for_a_while", Instant.now())
                    .complete());

            Window window = ownSource.range("up_for_a_while", Instant.now(), Duration.ofSeconds(10), STEP);

            assertThat(window.problem()).map(Problem::reason).contains(Problem.INCOMPLETE_WINDOW);
            assertThat(window.present()).isLessThan(window.expected());
        } finally {
            flaky.close();
        }
    }

    @Test
    void aPrometheusThatIsNotThereIsUnreachable() {
        PrometheusSource nowhere = new PrometheusSource(HTTP, URI.create("http://127.0.0.1:" + OperatorProcess.freePort()),
                Optional.empty(), Duration.ofSeconds(2));

        Window window = nowhere.range("up", Instant.now(), Duration.ofSeconds(5), STEP);

        assertThat(window.problem()).map(Problem::reason).contains(Problem.UNREACHABLE);
        assertThat(window.problem().get().message()).contains("cannot connect");
    }

    @Test
    void aPrometheusThatDoesNotAnswerInTimeIsUnreachable() throws IOException {
        // Accepts connections and never answers: a hung Prometheus or a black-holing proxy.
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PrometheusSource hung = new PrometheusSource(HTTP, URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    Optional.empty(), Duration.ofMillis(500));

            Window window = hung.range("up", Instant.now(), Duration.ofSeconds(5), STEP);

            assertThat(window.problem()).map(Problem::reason).contains(Problem.UNREACHABLE);
            assertThat(window.problem().get().message()).contains("did not answer within 0.5s");
            acceptor.interrupt();
        }
    }

    @Test
    void theBearerTokenIsSentAndARefusedOneIsAFailedQuery() throws IOException {
        try (BearerProxy proxy = BearerProxy.start("s3cr3t-token", prometheus.url())) {
            PrometheusSource withToken = new PrometheusSource(HTTP, URI.create(proxy.url()), Optional.of("s3cr3t-token"),
                    Duration.ofSeconds(5));
            PrometheusSource withoutToken = new PrometheusSource(HTTP, URI.create(proxy.url()), Optional.empty(),
                    Duration.ofSeconds(5));

            assertThat(withToken.instant("sum(kube_pod_container_resource_requests{resource=\"cpu\"})", Instant.now())
                    .last()).hasValue(0.5);
            Window refused = withoutToken.instant("sum(kube_pod_container_resource_requests)", Instant.now());
            assertThat(refused.problem()).map(Problem::reason).contains(Problem.QUERY_FAILED);
            assertThat(refused.problem().get().message()).contains("HTTP 401");
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    /**
     * An authenticating proxy in front of Prometheus, as kube-rbac-proxy or an OAuth proxy stands in front of it in a
     * real cluster: 401 without the token, Prometheus's own answer with it.
     */
    private record BearerProxy(HttpServer server, String url) implements AutoCloseable {

        static BearerProxy start(String token, String upstream) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                byte[] body;
                int status;
                if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    status = 401;
                    body = "Unauthorized\n".getBytes();
                } else {
                    try {
                        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(upstream
                                + exchange.getRequestURI())).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                                .build(), HttpResponse.BodyHandlers.ofByteArray());
                        status = answer.statusCode();
                        body = answer.body();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        status = 502;
                        body = new byte[0];
                    }
                }
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new BearerProxy(server, "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
