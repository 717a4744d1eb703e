package io.scalingstage.e2e;

import static io.scalingstage.testing.ScalingStages.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.AuditLog;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorIdentity;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * One ScalingStage walked up the ladder through every sample, 1 to 8, and back down to 1 by lowering spec.stage, on a
 * kwok cluster whose namespace enforces the restricted Pod Security Standard. At every stage: Ready with every pod
 * Running, and no write at all while the operator keeps reconciling the unchanged resource. Through the walk: the
 * app never has fewer ready replicas than replicas.min from stage 3 on, and no volume or database is ever deleted.
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StageWalkE2E {

    private static final String NAME = "shop";
    /** Every sample from stage 3 on asks for at least this many app replicas. */
    private static final int MIN_REPLICAS = 3;

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private final List<String> report = new ArrayList<>();
    private final List<Long> convergenceMillis = new ArrayList<>();
    private final AtomicInteger fewestReadyReplicas = new AtomicInteger(Integer.MAX_VALUE);
    private volatile String fewestSeenAt = "";
    private ScheduledExecutorService sampler;
    private OperatorProcess operator;
    private String namespace;

    StageWalkE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() {
        // A resync every 3s without any event: each stage's quiet window holds several unchanged reconciles.
        operator = OperatorProcess.start(cluster, "stage-walk", Map.of("QUARKUS_OPERATOR_SDK_CONTROLLERS_SCALINGSTAGE_MAX_RECONCILIATION_INTERVAL", "3s"));
        namespace = cluster.createNamespace("walk");
    }

    @AfterAll
    void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        operator.close();
        report.forEach(System.out::println);
    }

    @Test
    @Order(1)
    void walkingUpEverySampleConvergesAndIsQuietAtEveryStage() throws Exception {
        for (int stage = 1; stage <= 8; stage++) {
            Path sample = Toolchain.get().samples().resolve("stage-" + stage + ".yaml");
            changeStage(stage, () -> cluster.kubectlOk("apply", "--server-side", "-n", namespace, "-f", sample.toString()));
            if (stage == 3) {
                startSamplingReadyReplicas();
            }
        }
    }

    @Test
    @Order(2)
    void aReplicaCountSetThroughTheScaleSubresourceIsLeftToTheAutoscaler() {
        // What the HPA does when it scales; kwok has no metrics, so kubectl plays its part through the same subresource.
        cluster.kubectlOk("scale", "-n", namespace, "deployment/" + NAME, "--replicas=7");
        long mark = cluster.auditLog().mark();
        double reconciles = operator.metric("reconciliations_success_total");
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.metric("reconciliations_success_total") >= reconciles + 2);

        assertThat(client.apps().deployments().inNamespace(namespace).withName(NAME).get().getSpec().getReplicas()).isEqualTo(7);
        // Status may follow the rollout to 7 pods; the Deployment itself is not written.
        assertThat(operatorWrites(mark)).as("the operator leaves the autoscaled count alone")
                .noneMatch(write -> write.resource().equals("deployments"));
        awaitReady(8);
    }

    @Test
    @Order(3)
    void handEditedOrDeletedChildrenAreRestored() {
        Deployment edited = client.apps().deployments().inNamespace(namespace).withName(NAME).get();
        String image = edited.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        cluster.kubectlOk("set", "image", "-n", namespace, "deployment/" + NAME, "app=registry.example/hand-edited:0.0.1");
        cluster.kubectlOk("delete", "-n", namespace, "configmap/" + NAME + "-gateway", "service/" + NAME + "-edge");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(namespace).withName(NAME).get().getSpec().getTemplate()
                    .getSpec().getContainers().get(0).getImage()).isEqualTo(image);
            assertThat(client.configMaps().inNamespace(namespace).withName(NAME + "-gateway").get()).isNotNull();
            assertThat(client.services().inNamespace(namespace).withName(NAME + "-edge").get()).isNotNull();
        });
        awaitReady(8);
    }

    @Test
    @Order(4)
    void noGeneratedPasswordAppearsInStatusEventsOrLogs() throws Exception {
        List<String> passwords = client.secrets().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by", "scalingstage-operator")
                .list().getItems().stream().map(Secret::getData).map(data -> data.get("password"))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).toList();
        assertThat(passwords).as("Redis and four shards").hasSize(5).allSatisfy(p -> assertThat(p).hasSize(32));

        String status = cluster.kubectlOk("get", "scalingstage", NAME, "-n", namespace, "-o", "yaml");
        String events = cluster.kubectlOk("get", "events", "-n", namespace, "-o", "yaml");
        String workloads = cluster.kubectlOk("get", "deployments,statefulsets,configmaps", "-n", namespace, "-o", "yaml");
        String log = Files.readString(operator.log());
        for (String password : passwords) {
            assertThat(status).doesNotContain(password);
            assertThat(events).doesNotContain(password);
            assertThat(workloads).doesNotContain(password);
            assertThat(log).doesNotContain(password);
        }
    }

    @Test
    @Order(5)
    void walkingDownKeepsEveryVolumeAndDatabaseAndTheAppsReplicas() throws Exception {
        long start = cluster.auditLog().mark();
        for (int stage = 7; stage >= 1; stage--) {
            if (stage == 2) {
                // Stage 2 runs one app pod by design: the minimum holds from stage 3 on.
                sampler.shutdownNow();
            }
            int target = stage;
            changeStage(stage, () -> client.resources(ScalingStage.class).inNamespace(namespace).withName(NAME)
                    .edit(resource -> {
                        resource.getSpec().setStage(target);
                        return resource;
                    }));
        }
        List<AuditLog.Event> deletions = cluster.auditLog().since(start).stream()
                .filter(e -> e.verb().equals("delete")
                        && (e.resource().equals("persistentvolumeclaims") || e.resource().equals("clusters")))
                .toList();
        assertThat(deletions).as("no volume and no database deleted on the way down").isEmpty();
        assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems())
                .hasSize(4).allSatisfy(claim -> assertThat(claim.getStatus().getPhase()).isEqualTo("Bound"));
        ScalingStage shop = ScalingStages.get(client, namespace, NAME);
        assertThat(condition(shop, "RetainedComponents").getStatus()).isEqualTo("True");
        assertThat(condition(shop, "RetainedComponents").getMessage())
                .contains("StatefulSet shop-shard-0", "Cluster shop-db (3 instances kept; stage 1 uses 1)");
        assertThat(fewestReadyReplicas.get()).as("fewest ready app replicas from stage 3 on, seen %s", fewestSeenAt)
                .isGreaterThanOrEqualTo(MIN_REPLICAS);
        report.add("fewest ready app replicas from stage 3 to 8 and back: " + fewestReadyReplicas.get());
        List<Long> sorted = convergenceMillis.stream().sorted().toList();
        report.add("stage change to Ready, " + sorted.size() + " changes: median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms");
    }

    /** Applies a stage change, waits for it to converge, and checks that the operator is then quiet. */
    private void changeStage(int stage, Runnable change) throws InterruptedException {
        long before = cluster.auditLog().mark();
        long started = System.nanoTime();
        change.run();
        awaitReady(stage);
        long millis = (System.nanoTime() - started) / 1_000_000;
        convergenceMillis.add(millis);
        assertThat(client.pods().inNamespace(namespace).list().getItems()).as("pods at stage %d", stage)
                .allSatisfy(pod -> assertThat(ready(pod)).as(pod.getMetadata().getName()).isTrue());
        Thread.sleep(1000);
        long writes = operatorWrites(before).size();
        int objects = ScalingStages.get(client, namespace, NAME).getStatus().getComponents().size();

        long quietFrom = cluster.auditLog().mark();
        double reconciles = operator.metric("reconciliations_success_total");
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.metric("reconciliations_success_total") >= reconciles + 2);
        assertThat(operatorWrites(quietFrom)).as("writes while stage %d is unchanged", stage).isEmpty();
        report.add("stage " + stage + ": " + objects + " objects, Ready after " + millis + " ms, " + writes + " writes");
    }

    private void awaitReady(int stage) {
        ScalingStages.awaitReady(client, namespace, NAME, stage, Duration.ofSeconds(120));
    }

    private List<AuditLog.Event> operatorWrites(long mark) {
        return cluster.auditLog().since(mark).stream()
                .filter(e -> e.user().equals(OperatorIdentity.USER) && e.isWrite()).toList();
    }

    /**
     * Every 100 ms, the app's pods that are Ready and not on their way out (counted from the pods themselves: the
     * Deployment's own count lags its ReplicaSets during a rollout). The fewest is asserted after the walk.
     */
    private void startSamplingReadyReplicas() {
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            List<Pod> pods = client.pods().inNamespace(namespace).withLabel("app.kubernetes.io/instance", NAME)
                    .withLabel("app.kubernetes.io/component", "app").list().getItems();
            int ready = (int) pods.stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null && ready(pod)).count();
            if (ready < fewestReadyReplicas.get()) {
                fewestReadyReplicas.set(ready);
                fewestSeenAt = "at stage " + ScalingStages.get(client, namespace, NAME).getSpec().getStage() + ", pods: "
                        + pods.stream().map(pod -> pod.getMetadata().getName() + "=" + (ready(pod) ? "ready" : "not ready")
                                + (pod.getMetadata().getDeletionTimestamp() == null ? "" : " terminating")).toList();
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    private static boolean ready(Pod pod) {
        return "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
