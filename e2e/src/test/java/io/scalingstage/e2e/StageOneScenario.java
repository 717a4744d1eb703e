package io.scalingstage.e2e;

import static io.scalingstage.testing.ScalingStages.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.OperatorIdentity;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.TestCluster;
import io.scalingstage.testing.Toolchain;

/**
 * samples/stage-1.yaml on a cluster with real controllers: the Deployment becomes a ReplicaSet and a Running pod in a
 * namespace that enforces the restricted Pod Security Standard, the Service and the CloudNativePG Cluster exist, and
 * the ScalingStage turns Ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StageOneScenario {

    protected final TestCluster cluster;
    protected final KubernetesClient client;
    protected OperatorProcess operator;
    protected String namespace;

    StageOneScenario(TestCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    /** The sample as this cluster can run it. */
    protected String sample() throws IOException {
        return Files.readString(Toolchain.get().samples().resolve("stage-1.yaml"));
    }

    /** Plays CloudNativePG's controller for the Cluster where nothing else does. */
    protected abstract void whenDatabaseCreated(Cluster database);

    @BeforeAll
    void start() throws IOException {
        operator = startOperator("operator-1.log");
        namespace = cluster.createNamespace("stage1");
        Commands.Result applied = cluster.kubectl(sample(), "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
    }

    @AfterAll
    void stop() {
        operator.close();
        afterOperatorStopped();
    }

    /** Releases what the subclass started for this class, once the operator is gone. */
    protected void afterOperatorStopped() {
    }

    @Test
    @Order(1)
    void convergesToReady() {
        Cluster database = await().atMost(Duration.ofSeconds(60))
                .until(() -> client.resources(Cluster.class).inNamespace(namespace).withName("shop-db").get(), Objects::nonNull);
        whenDatabaseCreated(database);
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            ScalingStage shop = ScalingStages.get(client, namespace, "shop");
            assertThat(condition(shop, "Ready").getStatus()).as(condition(shop, "Ready").getMessage()).isEqualTo("True");
            assertThat(shop.getStatus().getObservedGeneration()).isEqualTo(shop.getMetadata().getGeneration());
        });
        ScalingStage shop = ScalingStages.get(client, namespace, "shop");
        assertThat(shop.getStatus().getStage()).isEqualTo(1);
        assertThat(condition(shop, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(shop, "Degraded").getStatus()).isEqualTo("False");
        assertThat(shop.getStatus().getComponents())
                .extracting(c -> c.getKind() + "/" + c.getName() + "=" + c.getReady())
                .containsExactly("Cluster/shop-db=true", "Deployment/shop=true", "Service/shop=true",
                        "NetworkPolicy/shop-database=true");
        assertThat(shop.getStatus().getPlan().getNextStage()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void appRunsAsOneRestrictedPodWithTheDatabaseUrlFromCloudNativePgsSecret() {
        Deployment app = client.apps().deployments().inNamespace(namespace).withName("shop").get();
        assertThat(app.getSpec().getReplicas()).isEqualTo(1);
        assertOwnedByScalingStage(app.getMetadata().getOwnerReferences());
        Container container = app.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        EnvVar databaseUrl = container.getEnv().stream().filter(e -> e.getName().equals("DATABASE_URL")).findFirst().orElseThrow();
        assertThat(databaseUrl.getValue()).as("never a copy of the password").isNull();
        assertThat(databaseUrl.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-db-app");
        assertThat(databaseUrl.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("uri");

        List<ReplicaSet> replicaSets = client.apps().replicaSets().inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", "shop").list().getItems();
        assertThat(replicaSets).hasSize(1);
        assertThat(replicaSets.get(0).getMetadata().getOwnerReferences()).extracting(OwnerReference::getName).containsExactly("shop");
        // The namespace enforces "restricted": a pod exists only if admission found nothing to refuse.
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel("app.kubernetes.io/instance", "shop")
                .withLabel("app.kubernetes.io/component", "app").list().getItems();
        assertThat(pods).hasSize(1);
        assertThat(pods.get(0).getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    @Order(3)
    void serviceSelectsTheAppAndTheDatabaseIsOneInstanceBesideIt() {
        Service service = client.services().inNamespace(namespace).withName("shop").get();
        assertOwnedByScalingStage(service.getMetadata().getOwnerReferences());
        assertThat(service.getSpec().getSelector()).containsOnly(
                Map.entry("app.kubernetes.io/instance", "shop"), Map.entry("app.kubernetes.io/component", "app"));
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));

        Cluster database = client.resources(Cluster.class).inNamespace(namespace).withName("shop-db").get();
        assertThat(database.getSpec().getInstances()).isEqualTo(1);
        assertThat(database.getSpec().getStorage().getSize()).isEqualTo("10Gi");
        assertThat(database.getSpec().getAffinity().getAdditionalPodAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()).singleElement().satisfies(term -> {
                    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                            .containsEntry("app.kubernetes.io/component", "app");
                });
        // The database holds data: no owner reference, so deleting the ScalingStage never cascades to it.
        assertThat(database.getMetadata().getOwnerReferences()).isNullOrEmpty();
    }

    protected OperatorProcess startOperator(String log) {
        return OperatorProcess.start(OperatorIdentity.kubeconfig(cluster),
                Toolchain.get().logDirectory(getClass().getSimpleName()).resolve(log), Map.of());
    }

    private static void assertOwnedByScalingStage(List<OwnerReference> references) {
        assertThat(references).singleElement().satisfies(reference -> {
            assertThat(reference.getKind()).isEqualTo("ScalingStage");
            assertThat(reference.getName()).isEqualTo("shop");
            assertThat(reference.getController()).isTrue();
        });
    }
}
