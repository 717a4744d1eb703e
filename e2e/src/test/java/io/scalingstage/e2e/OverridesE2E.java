package io.scalingstage.e2e;

import static io.scalingstage.testing.ScalingStages.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.WithKwokCluster;

/** Component overrides: an escape hatch that works, and says what the essays would say about using it. */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverridesE2E {

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private OperatorProcess operator;

    OverridesE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        operator = OperatorProcess.start(cluster, "overrides", Map.of());
    }

    @AfterAll
    void stop() {
        operator.close();
    }

    @Test
    void aCacheForcedOnAtStage2RunsAndIsFlaggedAsPremature() {
        String namespace = cluster.createNamespace("premature");
        Commands.Result applied = cluster.kubectl("""
                apiVersion: scalingstage.io/v1alpha1
                kind: ScalingStage
                metadata: {name: shop}
                spec:
                  stage: 2
                  app: {image: registry.example/shop:1.4.2}
                  components: {cache: Enabled}
                """, "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ScalingStage shop = ScalingStages.get(client, namespace, "shop");
            assertThat(shop.getStatus()).isNotNull();
            assertThat(condition(shop, "Ready").getStatus()).as(condition(shop, "Ready").getMessage()).isEqualTo("True");
        });
        assertThat(client.apps().deployments().inNamespace(namespace).withName("shop-redis").get().getStatus()
                .getReadyReplicas()).isEqualTo(1);
        assertThat(client.apps().deployments().inNamespace(namespace).withName("shop").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv()).anyMatch(env -> env.getName().equals("REDIS_URL"));
        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(condition(shop, "PrematureScaling").getStatus()).isEqualTo("True");
        assertThat(condition(shop, "PrematureScaling").getMessage())
                .isEqualTo("cache is enabled at stage 2 but earned at stage 5 (Cache). Caching everything: cache invalidation "
                        + "becomes the problem.");
    }
}
