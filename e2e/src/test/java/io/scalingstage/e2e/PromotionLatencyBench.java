package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.PromotionFixture;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.WithApiServer;

/**
 * How fast a firing trigger reaches status, and what an evaluation costs Prometheus. A gauge steps from 0 to 1 over a
 * 0.5 threshold; the trigger's condition has held for its whole window once the first sample of 1 that Prometheus
 * scraped is a window old. The latency is from then to the recommendation showing in status. Run with
 * {@code ./mvnw -B install -DskipTests -pl operator}, then
 * {@code ./mvnw -B -Pbench test-compile failsafe:integration-test@bench -pl e2e}; it prints figures and asserts only that each round recommended.
 */
@WithApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionLatencyBench {

    private static final int ROUNDS = 12;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private PromotionFixture fixture;

    PromotionLatencyBench(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        fixture = PromotionFixture.start(cluster, "promotion-bench");
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void latencyFromAFullWindowToTheRecommendation() throws Exception {
        String namespace = cluster.createNamespace("bench");
        Map<String, String> labels = Map.of("namespace", namespace);
        fixture.exporter().gauge("bench_signal", labels, 0);
        Commands.Result applied = cluster.kubectl("""
                apiVersion: scalingstage.io/v1alpha1
                kind: ScalingStage
                metadata: {name: shop}
                spec:
                  stage: 1
                  app: {image: registry.example/shop:1.4.2}
                  promotion:
                    mode: Recommend
                    interval: 1s
                    for: %ds
                    cooldown: 1s
                    prometheus: {url: "%s", scrapeInterval: 1s}
                    triggers:
                    - {stage: 1, query: 'max(bench_signal{namespace="{namespace}"})', threshold: 0.5}
                """.formatted(WINDOW.toSeconds(), fixture.prometheus().url()), "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> recommended(namespace) == 1);

        double queriesBefore = fixture.prometheus().queriesServed();
        double evaluationsBefore = fixture.operator().metric("scalingstage_trigger_evaluations_total");
        List<Long> latencies = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Instant raised = Instant.now();
            fixture.exporter().gauge("bench_signal", labels, 1);
            Instant seen = awaitRecommended(namespace, 2);
            Instant fullWindow = firstScrapedAtOrAfter(namespace, raised).plus(WINDOW);
            latencies.add(Duration.between(fullWindow, seen).toMillis());
            fixture.exporter().gauge("bench_signal", labels, 0);
            awaitRecommended(namespace, 1);
        }
        double queries = fixture.prometheus().queriesServed() - queriesBefore;
        double evaluations = fixture.operator().metric("scalingstage_trigger_evaluations_total") - evaluationsBefore;

        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("full window to recommendation in status, %d rounds (window %ds, interval 1s, scrape 1s): "
                + "min %d ms, median %d ms, max %d ms; all: %s%n", ROUNDS, WINDOW.toSeconds(), sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), latencies);
        System.out.printf("Prometheus queries per evaluation: %.0f queries / %.0f evaluations = %.3f%n", queries,
                evaluations, queries / evaluations);
        assertThat(latencies).hasSize(ROUNDS);
    }

    private Instant awaitRecommended(String namespace, int stage) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> recommended(namespace) == stage);
        return Instant.now();
    }

    private int recommended(String namespace) {
        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        return shop.getStatus() == null || shop.getStatus().getRecommendedStage() == null ? 0
                : shop.getStatus().getRecommendedStage();
    }

    /** The time of the first sample of 1 Prometheus stored at or after {@code since}: when the condition began. */
    private Instant firstScrapedAtOrAfter(String namespace, Instant since) throws Exception {
        String query = "bench_signal{namespace=\"" + namespace + "\"}[60s]";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(fixture.prometheus().url() + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode values = JSON.readTree(response.body()).path("data").path("result").path(0).path("values");
        for (JsonNode point : values) {
            Instant time = Instant.ofEpochMilli(point.get(0).decimalValue().movePointRight(3).longValue());
            if (!time.isBefore(since) && point.get(1).asText().equals("1")) {
                return time;
            }
        }
        throw new AssertionError("Prometheus has no sample of 1 since " + since + ": " + values);
    }
}
