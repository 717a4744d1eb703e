package io.scalingstage.it;

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
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithApiServer;

/**
 * Without CloudNativePG the operator keeps running, says why the ScalingStage cannot be ready, and picks the database
 * up as soon as CloudNativePG's CRDs appear, without a restart.
 */
@WithApiServer(cloudNativePg = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingCloudNativePgIT {

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private OperatorProcess operator;
    private String namespace;

    MissingCloudNativePgIT(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        operator = OperatorProcess.start(cluster, "missing-cnpg", Map.of("SCALINGSTAGE_DATABASE_PROVIDER_RECHECK_INTERVAL", "2s"));
        namespace = cluster.createNamespace("nocnpg");
        cluster.kubectlOk("apply", "--server-side", "-n", namespace, "-f",
                Toolchain.get().samples().resolve("stage-1.yaml").toString());
    }

    @AfterAll
    void stop() {
        operator.close();
    }

    @Test
    void reportsTheMissingProviderThenAdoptsItWhenInstalled() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Condition ready = condition(ScalingStages.get(client, namespace, "shop"), "Ready");
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("DatabaseProviderMissing");
            assertThat(ready.getMessage()).contains("CloudNativePG is not installed");
        });
        // The stateless part of the stage is applied all the same.
        assertThat(client.apps().deployments().inNamespace(namespace).withName("shop").get()).isNotNull();
        assertThat(client.services().inNamespace(namespace).withName("shop").get()).isNotNull();
        assertThat(operator.isAlive()).isTrue();
        assertThat(operator.get("/q/health/live").statusCode()).isEqualTo(200);

        cluster.installCloudNativePgCrds();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Cluster database = client.resources(Cluster.class).inNamespace(namespace).withName("shop-db").get();
            assertThat(database).as("the Cluster is created once CloudNativePG is installed").isNotNull();
            Condition ready = condition(ScalingStages.get(client, namespace, "shop"), "Ready");
            // Nothing runs the Deployment or CloudNativePG here, so the stage is now waiting, no longer blocked.
            assertThat(ready.getReason()).isEqualTo("ComponentsNotReady");
            assertThat(ready.getMessage()).contains("Cluster shop-db");
        });
        assertThat(operator.isAlive()).isTrue();
        // A reconcile racing the CRDs' arrival may fail once and be retried; after adoption none may fail.
        double failures = operator.metric("reconciliations_failure_total");
        if (failures > 0) {
            System.out.println("reconciles failed while CloudNativePG arrived: " + failures + "\n"
                    + Commands.tail(operator.log(), 40));
        }
        assertThat(condition(ScalingStages.get(client, namespace, "shop"), "Degraded").getStatus()).isEqualTo("False");
        Thread.sleep(5000);
        assertThat(operator.metric("reconciliations_failure_total")).as("no reconcile fails once adopted")
                .isEqualTo(failures);
    }
}
