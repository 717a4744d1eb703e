package io.scalingstage.e2e;

import static io.scalingstage.testing.ScalingStages.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.PromotionDecision;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.promotion.Trigger;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.WithKwokCluster;

/**
 * Stage 1's exit trigger without Prometheus: the app's CPU read from the real metrics.k8s.io API (metrics-server
 * scraping kwok's simulated kubelet), over its request, held for spec.promotion.for. The pod's usage is its
 * {@code kwok.x-k8s.io/usage-cpu} annotation, set on the live pod: a ResourceUsage object would have to be named after
 * the pod all the same (kwok matches it by name, not by selector), and changing the Deployment's template would replace
 * the pod and start metrics-server's warm-up over.
 */
@WithKwokCluster(nodes = 1, metricsServer = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodCpuPromotionE2E {

    private static final String USAGE_CPU = "kwok.x-k8s.io/usage-cpu";
    /** A few readings' noise: metrics-server divides kwok's counter by its own clock's interval. */
    private static final double TOLERANCE = 0.01;

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private OperatorProcess operator;
    private String namespace;
    private String pod;

    PodCpuPromotionE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        operator = OperatorProcess.start(cluster, "pod-cpu-promotion", Map.of());
        namespace = cluster.createNamespace("podcpu");
        Commands.Result applied = cluster.kubectl("""
                apiVersion: scalingstage.io/v1alpha1
                kind: ScalingStage
                metadata: {name: shop}
                spec:
                  stage: 1
                  app:
                    image: registry.example/shop:1.4.2
                    resources:
                      requests: {cpu: 500m, memory: 512Mi}
                      limits: {memory: 512Mi}
                  database:
                    storage: {size: 10Gi}
                  promotion: {mode: Recommend, interval: 1s, for: 10s, cooldown: 10s}
                """, "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
    }

    @AfterAll
    void stop() {
        operator.close();
    }

    @Test
    @Order(1)
    void beforeMetricsServerHasAReadingMetricsAreUnavailableNotZero() {
        pod = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(this::appPods, pods -> pods.size() == 1).get(0).getMetadata().getName();
        // Set at once, so the pod's first reading is already 20%. metrics-server serves nothing for a new pod for 20 to
        // 30 s (it drops kwok's first counter, 0, then needs two points 10 s apart); the operator evaluates every second.
        setUsage("100m");

        // One snapshot for every assertion: the first reading may arrive a moment after it.
        ScalingStage shop = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> ScalingStages.get(client, namespace, "shop"),
                        s -> condition(s, "MetricsAvailable").getReason().equals("NoData"));
        assertThat(condition(shop, "MetricsAvailable").getStatus()).isEqualTo("False");
        assertThat(condition(shop, "MetricsAvailable").getMessage()).contains("metrics.k8s.io has no CPU reading");
        assertThat(condition(shop, "PromotionRecommended").getReason()).isEqualTo("MetricsUnavailable");
        assertThat(shop.getStatus().getRecommendedStage()).as("nothing is recommended without data").isNull();
        assertThat(shop.getStatus().getPlan().getState()).isEqualTo("Unknown");
        PromotionDecision held = shop.getStatus().getPromotion().getHistory().get(0);
        assertThat(held.getDecision()).isEqualTo("HeldMissingData");
        assertThat(held.getMin()).as("a missing reading is no number, never 0").isNull();
        assertThat(held.getMax()).isNull();
        assertThat(held.getLast()).isNull();
    }

    @Test
    @Order(2)
    void aPodAt20PercentOfItsRequestIsEvidenceAndRecommendsNothing() {
        ScalingStage shop = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> ScalingStages.get(client, namespace, "shop"),
                        s -> condition(s, "MetricsAvailable").getStatus().equals("True"));
        assertThat(appCpuReading()).as("metrics.k8s.io's reading of the app container, in cores")
                .isCloseTo(0.1, within(0.005));
        assertThat(condition(shop, "MetricsAvailable").getReason()).isEqualTo("WindowComplete");
        assertThat(condition(shop, "MetricsAvailable").getMessage()).startsWith("metrics.k8s.io answered");
        assertThat(condition(shop, "PromotionRecommended").getStatus()).isEqualTo("False");
        assertThat(condition(shop, "PromotionRecommended").getReason()).isEqualTo("BelowThreshold");
        assertThat(shop.getStatus().getRecommendedStage()).as("the current stage carries the load").isEqualTo(1);
        assertThat(shop.getStatus().getPlan().getState()).isEqualTo("Below");
        PromotionDecision below = shop.getStatus().getPromotion().getHistory().get(0);
        assertThat(below.getFromStage()).isEqualTo(1);
        assertThat(below.getToStage()).isNull();
        assertThat(below.getQuery()).isEqualTo(Trigger.POD_CPU_READ);
        assertThat(below.getWindow()).isEqualTo("10s");
        assertThat(below.getThreshold()).isEqualTo(0.7);
        assertThat(below.getMin()).isCloseTo(0.2, within(TOLERANCE));
        assertThat(below.getMax()).isCloseTo(0.2, within(TOLERANCE));
        assertThat(below.getLast()).isCloseTo(0.2, within(TOLERANCE));
    }

    @Test
    @Order(3)
    void aPodAt90PercentForTheWholeWindowGetsStage2Recommended() {
        Instant raised = Instant.now();
        setUsage("450m");

        ScalingStage shop = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ScalingStages.get(client, namespace, "shop"),
                        s -> Integer.valueOf(2).equals(s.getStatus().getRecommendedStage()));
        Duration delay = Duration.between(raised, Instant.now());
        System.out.printf("PodCpuPromotionE2E: stage 2 recommended %.1f s after the pod's usage went to 450m%n",
                delay.toMillis() / 1000.0);
        assertThat(appCpuReading()).isCloseTo(0.45, within(0.005));
        assertThat(shop.getSpec().getStage()).as("Recommend never writes spec").isEqualTo(1);
        assertThat(shop.getStatus().getStage()).isEqualTo(1);
        assertThat(condition(shop, "PromotionRecommended").getStatus()).isEqualTo("True");
        assertThat(condition(shop, "PromotionRecommended").getReason()).isEqualTo("TriggerFired");
        assertThat(shop.getStatus().getPlan().getState()).isEqualTo("Firing");
        PromotionDecision recommended = shop.getStatus().getPromotion().getHistory().get(0);
        assertThat(recommended.getDecision()).isEqualTo("Recommended");
        assertThat(recommended.getFromStage()).isEqualTo(1);
        assertThat(recommended.getToStage()).isEqualTo(2);
        assertThat(recommended.getThreshold()).isEqualTo(0.7);
        // Every sample of the window is the new reading: none of the 20% ones is left in it.
        assertThat(recommended.getMin()).isCloseTo(0.9, within(TOLERANCE));
        assertThat(recommended.getMax()).isCloseTo(0.9, within(TOLERANCE));
        assertThat(recommended.getLast()).isCloseTo(0.9, within(TOLERANCE));
        assertThat(shop.getStatus().getPromotion().getHistory()).as("one decision per change of the evidence, newest first")
                .extracting(PromotionDecision::getDecision)
                .containsExactly("Recommended", "BelowThreshold", "HeldMissingData");
        assertThat(delay).as("the trigger held for its whole 10s window first").isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(client.apps().deployments().inNamespace(namespace).withName("shop").get().getSpec().getReplicas())
                .as("stage 1 is still built").isEqualTo(1);
    }

    private List<Pod> appPods() {
        Map<String, String> selector = client.apps().deployments().inNamespace(namespace).withName("shop")
                .require().getSpec().getSelector().getMatchLabels();
        return client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
    }

    private void setUsage(String cpu) {
        client.pods().inNamespace(namespace).withName(pod)
                .edit(p -> new PodBuilder(p).editMetadata().addToAnnotations(USAGE_CPU, cpu).endMetadata().build());
    }

    /** The app container's CPU as metrics.k8s.io serves it now, in cores. */
    private double appCpuReading() {
        PodMetrics metrics = client.top().pods().metrics(namespace, pod);
        return metrics.getContainers().stream().filter(c -> c.getName().equals("app")).findFirst().orElseThrow()
                .getUsage().get("cpu").getNumericalAmount().doubleValue();
    }
}
