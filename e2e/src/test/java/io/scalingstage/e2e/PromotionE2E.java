package io.scalingstage.e2e;

import static io.scalingstage.testing.ScalingStages.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.PromotionDecision;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.testing.AppSignals;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.PrometheusServer;
import io.scalingstage.testing.PromotionFixture;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.TestCertificates;
import io.scalingstage.testing.TestExporter;
import io.scalingstage.testing.WithKwokCluster;

/**
 * Metric-driven promotion on real data: a real Prometheus scrapes the test exporter every second, the operator queries
 * it over its HTTP API, and the kwok cluster runs the topology each decision leads to. Times are compressed: evaluation
 * every second, a 5 second window, a 10 second cooldown.
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionE2E {

    private static final Duration COOLDOWN = Duration.ofSeconds(10);

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private PromotionFixture fixture;
    private TestExporter exporter;
    private PrometheusServer prometheus;
    private OperatorProcess operator;

    PromotionE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        fixture = PromotionFixture.start(cluster, "promotion");
        exporter = fixture.exporter();
        prometheus = fixture.prometheus();
        operator = fixture.operator();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void autoWalksFromStageOneToSevenOneStagePerDecisionAsEachSignalRises() {
        String namespace = cluster.createNamespace("walk");
        AppSignals signals = new AppSignals(exporter, namespace);
        // Stage 7's way out is team coordination: a trigger there may only recommend.
        apply(namespace, "Auto", "5s", """
                    triggers:
                    - stage: 7
                      query: vector(1)
                      threshold: 0.5
                """, "");
        List<PromotionDecision> promotions = new ArrayList<>();

        signals.appCpu(0.9);
        promotions.add(awaitPromotion(namespace, 2));
        // The same trigger leads out of stage 2; still firing, it waits for the cooldown.
        promotions.add(awaitPromotion(namespace, 3));
        assertThat(status(namespace).getPromotion().getHistory())
                .as("the stage held while the signal fired within the cooldown")
                .extracting(PromotionDecision::getDecision).contains("HeldCooldown");
        signals.appCpu(0.3).staticShare(0.8);
        promotions.add(awaitPromotion(namespace, 4));
        signals.staticShare(0.2).databaseCpu(0.9).readShare(0.9);
        promotions.add(awaitPromotion(namespace, 5));
        signals.databaseCpu(0.3).readShare(0.5).connections(0.9);
        promotions.add(awaitPromotion(namespace, 6));
        signals.connections(0.2).storage(0.9);
        promotions.add(awaitPromotion(namespace, 7));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(status(namespace).getRecommendedStage()).isEqualTo(8));

        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getSpec().getStage()).as("spec is the owner's").isEqualTo(1);
        assertThat(shop.getStatus().getStage()).as("7 to 8 only recommends").isEqualTo(7);
        assertThat(shop.getStatus().getPromotion().getPromotedStage()).isEqualTo(7);
        for (int i = 1; i < promotions.size(); i++) {
            Duration apart = Duration.between(Instant.parse(promotions.get(i - 1).getTime()),
                    Instant.parse(promotions.get(i).getTime()));
            // Decision times are kept to the second.
            assertThat(apart).as("promotions %d and %d", i, i + 1).isGreaterThanOrEqualTo(COOLDOWN.minusSeconds(1));
        }
        // The effective stage's topology is there; the operator wrote none of spec.
        assertThat(client.apps().statefulSets().inNamespace(namespace).withName("shop-shard-0").get()).isNotNull();
        // Its finalizer and the status, nothing else.
        assertThat(operatorManagedFields(shop)).isNotEmpty().allSatisfy(entry -> assertThat(
                entry.getFieldsV1().getAdditionalProperties()).doesNotContainKey("f:spec"));
        List<Event> events = events(namespace);
        assertThat(events).filteredOn(event -> event.getReason().equals("Promoted")).hasSize(6)
                .allSatisfy(event -> assertThat(event.getMessage()).contains("Query: "));
        assertThat(events).extracting(Event::getReason).contains("HeldCooldown", "Recommended");
        assertThat(operator.metric("scalingstage_stage", namespace)).isEqualTo(7);
        assertThat(operator.metric("scalingstage_recommended_stage", namespace)).isEqualTo(8);
        assertThat(operator.metric("scalingstage_trigger_threshold", namespace)).isEqualTo(0.5);
        assertThat(operator.metric("scalingstage_trigger_value", namespace)).isEqualTo(1);
    }

    @Test
    void recommendSetsTheRecommendedStageAndChangesNothingElse() {
        String namespace = cluster.createNamespace("recommend");
        new AppSignals(exporter, namespace).appCpu(0.9);
        apply(namespace, "Recommend", "5s", "", "");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(
                () -> assertThat(status(namespace).getRecommendedStage()).isEqualTo(2));

        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getStatus().getStage()).isEqualTo(1);
        assertThat(shop.getStatus().getPromotion().getPromotedStage()).isNull();
        assertThat(condition(shop, "PromotionRecommended").getStatus()).isEqualTo("True");
        assertThat(condition(shop, "PromotionRecommended").getMessage()).contains("Set spec.stage: 2 to move.");
        assertThat(client.network().v1().ingresses().inNamespace(namespace).withName("shop").get())
                .as("stage 2's Ingress is only recommended").isNull();
        PromotionDecision recommended = shop.getStatus().getPromotion().getHistory().get(0);
        assertThat(recommended.getDecision()).isEqualTo("Recommended");
        assertThat(recommended.getMin()).isBetween(0.8, 1.0);
        assertThat(recommended.getMax()).isBetween(0.8, 1.0);
        assertThat(recommended.getLast()).isBetween(0.8, 1.0);
        assertThat(recommended.getThreshold()).isEqualTo(0.7);
        assertThat(recommended.getQuery()).contains("container_cpu_usage_seconds_total").contains(namespace);
        assertThat(events(namespace)).extracting(Event::getReason).contains("Recommended");
    }

    @Test
    void manualOnlyShowsThePlan() {
        String namespace = cluster.createNamespace("manual");
        new AppSignals(exporter, namespace).appCpu(0.9);
        apply(namespace, "Manual", "5s", "", "");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(
                () -> assertThat(status(namespace).getPlan().getState()).isEqualTo("Firing"));

        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getStatus().getStage()).isEqualTo(1);
        assertThat(shop.getStatus().getRecommendedStage()).as("Manual recommends nothing").isNull();
        assertThat(shop.getStatus().getPlan().getNextStage()).isEqualTo(2);
        assertThat(shop.getStatus().getPlan().getLastValue()).isNotBlank();
        assertThat(shop.getStatus().getPromotion().getPromotedStage()).isNull();
        assertThat(shop.getStatus().getPromotion().getHistory()).extracting(PromotionDecision::getDecision)
                .doesNotContain("Recommended", "Promoted");
    }

    @Test
    void aSignalOscillatingAroundItsThresholdPromotesNothing() throws InterruptedException {
        String namespace = cluster.createNamespace("oscillate");
        AppSignals signals = new AppSignals(exporter, namespace);
        apply(namespace, "Auto", "5s", "", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                condition(ScalingStages.get(client, namespace, "shop"), "MetricsAvailable").getStatus()).isEqualTo("True"));

        // Above the threshold for 3 s, below for 3 s: never a whole 5 s window above it.
        Instant end = Instant.now().plusSeconds(36);
        while (Instant.now().isBefore(end)) {
            signals.appCpu(0.85);
            Thread.sleep(3000);
            signals.appCpu(0.5);
            Thread.sleep(3000);
        }

        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getStatus().getStage()).isEqualTo(1);
        assertThat(shop.getStatus().getPromotion().getPromotedStage()).isNull();
        assertThat(everyDecision(namespace)).extracting(PromotionDecision::getDecision)
                .doesNotContain("Promoted", "Recommended", "HeldCooldown");
        assertThat(prometheus.selfMetric("prometheus_http_requests_total", "query_range")).isPositive();
    }

    @Test
    void aGapInTheDataHoldsWithMetricsUnavailableAndNeedsAWholeWindowAfterIt() throws InterruptedException {
        String namespace = cluster.createNamespace("gap");
        new AppSignals(exporter, namespace).appCpu(0.9);
        apply(namespace, "Recommend", "8s", "", "");
        Thread.sleep(4000);

        exporter.pause();
        Instant gapStart = Instant.now();
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                ScalingStage shop = ScalingStages.get(client, namespace, "shop");
                assertThat(condition(shop, "MetricsAvailable").getStatus()).isEqualTo("False");
                assertThat(condition(shop, "MetricsAvailable").getMessage()).contains("gaps");
            });
            Thread.sleep(Math.max(0, 4000 - Duration.between(gapStart, Instant.now()).toMillis()));
        } finally {
            exporter.resume();
        }
        Instant resumed = Instant.now();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(
                () -> assertThat(status(namespace).getRecommendedStage()).isEqualTo(2));
        PromotionDecision recommended = firstDecision(namespace, "Recommended", 1);
        assertThat(Instant.parse(recommended.getTime())).as("a whole 8 s window after the gap")
                .isAfterOrEqualTo(resumed.plusSeconds(8).minusSeconds(1));
        assertThat(everyDecision(namespace)).extracting(PromotionDecision::getDecision).contains("HeldMissingData");
        assertThat(events(namespace)).filteredOn(event -> event.getReason().equals("HeldMissingData"))
                .allSatisfy(event -> assertThat(event.getType()).isEqualTo("Warning"));
    }

    @Test
    void prometheusDownHoldsTheStageAndItsReturnIsPickedUp() {
        String namespace = cluster.createNamespace("promdown");
        AppSignals signals = new AppSignals(exporter, namespace);
        apply(namespace, "Auto", "5s", "", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                condition(ScalingStages.get(client, namespace, "shop"), "MetricsAvailable").getStatus()).isEqualTo("True"));

        prometheus.pause();
        try {
            signals.appCpu(0.9);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ScalingStage shop = ScalingStages.get(client, namespace, "shop");
                assertThat(condition(shop, "MetricsAvailable").getStatus()).isEqualTo("False");
                assertThat(condition(shop, "MetricsAvailable").getReason()).isEqualTo("SourceUnreachable");
                assertThat(condition(shop, "MetricsAvailable").getMessage()).contains("cannot connect to Prometheus");
            });
            assertThat(status(namespace).getStage()).isEqualTo(1);
        } finally {
            prometheus.resume();
        }
        Instant back = Instant.now();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(status(namespace).getStage()).isEqualTo(2));
        assertThat(Instant.parse(firstDecision(namespace, "Promoted", 1).getTime())).isAfterOrEqualTo(back.minusSeconds(1));
    }

    @Test
    void maxStageHoldsAFiringTrigger() {
        String namespace = cluster.createNamespace("maxstage");
        new AppSignals(exporter, namespace).appCpu(0.9);
        apply(namespace, "Auto", "5s", "", "  maxStage: 1\n");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                status(namespace).getPromotion().getHistory())
                .extracting(PromotionDecision::getDecision).contains("HeldMaxStage"));

        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getStatus().getStage()).isEqualTo(1);
        assertThat(shop.getStatus().getRecommendedStage()).isEqualTo(1);
        assertThat(firstDecision(namespace, "HeldMaxStage", 1).getMessage()).contains("maxStage");
    }

    @Test
    void aCustomTriggerReplacesTheDefault() {
        String namespace = cluster.createNamespace("custom");
        new AppSignals(exporter, namespace).appCpu(0.95);
        exporter.gauge("shop_checkout_queue_depth", Map.of("namespace", namespace), 150);
        apply(namespace, "Recommend", "5s", """
                    triggers:
                    - stage: 1
                      query: max(shop_checkout_queue_depth{namespace="{namespace}"})
                      threshold: 100
                      for: 3s
                """, "");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(
                () -> assertThat(status(namespace).getRecommendedStage()).isEqualTo(2));
        PromotionDecision recommended = firstDecision(namespace, "Recommended", 1);
        assertThat(recommended.getQuery()).isEqualTo("max(shop_checkout_queue_depth{namespace=\"" + namespace + "\"})");
        assertThat(recommended.getLast()).isEqualTo(150);
        assertThat(recommended.getThreshold()).isEqualTo(100);
        assertThat(recommended.getWindow()).isEqualTo("3s");

        // The app's CPU is high, but it is not this ScalingStage's trigger: below 90 of 100 resets the recommendation.
        exporter.gauge("shop_checkout_queue_depth", Map.of("namespace", namespace), 80);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(status(namespace).getRecommendedStage()).isEqualTo(1));
    }

    @Test
    void aPrometheusServingTlsIsTrustedThroughTheCaBundleInASecret() {
        String namespace = cluster.createNamespace("tls");
        new AppSignals(exporter, namespace).appCpu(0.9);
        Path directory = fixture.logs().resolve("tls");
        TestCertificates certificates = TestCertificates.create(directory.resolve("certificates"));
        try (PrometheusServer secured = PrometheusServer.startWithTls(directory.resolve("prometheus"), certificates,
                exporter.target())) {
            client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("prometheus")
                    .endMetadata().addToStringData("ca.crt", certificates.caPem()).addToStringData("token", "reader-token")
                    .build()).create();
            apply(namespace, "Recommend", "5s", "{url: \"" + secured.url() + "\", scrapeInterval: 1s}", "", "");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Condition available = condition(ScalingStages.get(client, namespace, "shop"), "MetricsAvailable");
                assertThat(available.getStatus()).isEqualTo("False");
                assertThat(available.getReason()).isEqualTo("SourceUnreachable");
                assertThat(available.getMessage()).contains("TLS with Prometheus at " + secured.url() + " failed");
            });

            apply(namespace, "Recommend", "5s", "{url: \"" + secured.url() + "\", scrapeInterval: 1s, "
                    + "caSecret: {name: prometheus, key: ca.crt}, bearerTokenSecret: {name: prometheus, key: token}}", "", "");

            await().atMost(Duration.ofSeconds(40)).untilAsserted(
                    () -> assertThat(status(namespace).getRecommendedStage()).isEqualTo(2));
            assertThat(condition(ScalingStages.get(client, namespace, "shop"), "MetricsAvailable").getStatus())
                    .isEqualTo("True");
        }
    }

    private void apply(String namespace, String mode, String window, String promotionLines, String specLines) {
        apply(namespace, mode, window, fixture.prometheusSettings(), promotionLines, specLines);
    }

    /** Applies {@link PromotionFixture#scalingStage} in {@code namespace}. */
    private void apply(String namespace, String mode, String window, String prometheusSettings, String promotionLines,
            String specLines) {
        String manifest = PromotionFixture.scalingStage(mode, window, prometheusSettings, promotionLines, specLines);
        Commands.Result applied = cluster.kubectl(manifest, "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
    }

    /** Waits for the effective stage to reach {@code stage}; returns the promotion's evidence, checked. */
    private PromotionDecision awaitPromotion(String namespace, int stage) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ScalingStageStatus status = status(namespace);
            assertThat(status.getStage()).as(() -> "history: " + status.getPromotion().getHistory()).isEqualTo(stage);
        });
        PromotionDecision promotion = firstDecision(namespace, "Promoted", stage - 1);
        assertThat(promotion.getToStage()).isEqualTo(stage);
        assertThat(promotion.getQuery()).as("evidence of %s", promotion.getMessage()).contains(namespace);
        assertThat(promotion.getMin()).as(promotion.getMessage()).isGreaterThan(promotion.getThreshold());
        assertThat(promotion.getWindow()).isEqualTo("5s");
        return promotion;
    }

    private ScalingStageStatus status(String namespace) {
        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getStatus()).as("status of %s/shop", namespace).isNotNull();
        return shop.getStatus();
    }

    /** The decisions in status, oldest first. */
    private List<PromotionDecision> everyDecision(String namespace) {
        List<PromotionDecision> decisions = new ArrayList<>(
                status(namespace).getPromotion().getHistory());
        Collections.reverse(decisions);
        return decisions;
    }

    private PromotionDecision firstDecision(String namespace, String decision, int fromStage) {
        return everyDecision(namespace).stream()
                .filter(d -> d.getDecision().equals(decision) && d.getFromStage() == fromStage).findFirst()
                .orElseThrow(() -> new AssertionError("no " + decision + " from stage " + fromStage + " in "
                        + everyDecision(namespace)));
    }

    private List<Event> events(String namespace) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(event -> "shop".equals(event.getInvolvedObject().getName()))
                .toList();
    }

    private static List<ManagedFieldsEntry> operatorManagedFields(ScalingStage shop) {
        return shop.getMetadata().getManagedFields().stream()
                .filter(entry -> Objects.equals(entry.getManager(), "scalingstage-operator"))
                .toList();
    }
}
