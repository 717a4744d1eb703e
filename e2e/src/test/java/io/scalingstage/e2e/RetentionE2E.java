package io.scalingstage.e2e;

import static io.scalingstage.testing.ScalingStages.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * Deleting a ScalingStage: with retention Retain (the default) the database, the shards, their volumes and their
 * passwords stay, and a new ScalingStage of the same name takes them back; with retention Delete everything goes.
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionE2E {

    private static final String INSTANCE = "app.kubernetes.io/instance=shop";

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private OperatorProcess operator;

    RetentionE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        operator = OperatorProcess.start(cluster, "retention", Map.of());
    }

    @AfterAll
    void stop() {
        operator.close();
    }

    @Test
    void retainKeepsTheDataAndANewScalingStageTakesItBack() throws IOException {
        String namespace = cluster.createNamespace("retain");
        applyStage7(namespace, "Retain");
        Map<String, String> passwords = shardPasswords(namespace);

        deleteScalingStage(namespace);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(namespace).withLabel("app.kubernetes.io/instance", "shop")
                    .list().getItems()).as("stateless children go").isEmpty();
        });
        assertThat(client.resources(Cluster.class).inNamespace(namespace).withName("shop-db").get()).isNotNull();
        assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems()).hasSize(4);
        assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems()).hasSize(4);
        assertThat(client.configMaps().inNamespace(namespace).withName("shop-shard-map").get()).isNotNull();
        assertThat(shardPasswords(namespace)).isEqualTo(passwords);

        applyStage7(namespace, "Retain");
        assertThat(shardPasswords(namespace)).as("the shards' passwords are never regenerated").isEqualTo(passwords);
        assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems()).hasSize(4);
    }

    @Test
    void deleteRemovesTheDataWithTheScalingStage() throws IOException {
        String namespace = cluster.createNamespace("delete");
        applyStage7(namespace, "Delete");

        deleteScalingStage(namespace);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.resources(Cluster.class).inNamespace(namespace).list().getItems()).isEmpty();
            assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems()).isEmpty();
            List<String> left = cluster.kubectlOk("get", "all,secrets,configmaps,networkpolicies,ingresses,pdb,hpa",
                    "-n", namespace, "-l", INSTANCE, "-o", "name").lines().toList();
            assertThat(left).isEmpty();
        });
    }

    private void applyStage7(String namespace, String retention) throws IOException {
        String sample = Files.readString(Toolchain.get().samples().resolve("stage-7.yaml")) + "  retention: " + retention + "\n";
        Commands.Result applied = cluster.kubectl(sample, "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            ScalingStage shop = ScalingStages.get(client, namespace, "shop");
            assertThat(shop.getStatus()).isNotNull();
            assertThat(shop.getStatus().getObservedGeneration()).isEqualTo(shop.getMetadata().getGeneration());
            assertThat(condition(shop, "Ready").getStatus()).as(condition(shop, "Ready").getMessage()).isEqualTo("True");
        });
    }

    private void deleteScalingStage(String namespace) {
        cluster.kubectlOk("delete", "scalingstage", "shop", "-n", namespace, "--wait=true", "--timeout=60s");
    }

    private Map<String, String> shardPasswords(String namespace) {
        return client.secrets().inNamespace(namespace).withLabel("app.kubernetes.io/component", "shards").list().getItems()
                .stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), RetentionE2E::password));
    }

    private static String password(Secret secret) {
        return secret.getData().get("password");
    }
}
