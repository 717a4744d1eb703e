package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.ComponentStatus;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.AdmissionWebhook;
import io.scalingstage.testing.AdmissionWebhook.Denial;
import io.scalingstage.testing.AuditLog;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorIdentity;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * What a production operator meets: it is killed half-way through a change, it is down while people change things, the
 * API server goes away, a leader dies or is upgraded, someone else writes what it owns, the API server answers 409, and
 * a neighbour's children are refused. Each outcome is asserted; each time to converge is printed.
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsE2E {

    private static final String NAME = "shop";
    private static final Duration CONVERGED = Duration.ofSeconds(90);
    /** A resync every 3 s: quiet reconciles happen within each test's windows. */
    private static final Map<String, String> RESYNC = Map.of("QUARKUS_OPERATOR_SDK_CONTROLLERS_SCALINGSTAGE_MAX_RECONCILIATION_INTERVAL", "3s");

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private final List<String> report = new ArrayList<>();

    FaultsE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @AfterAll
    void printFigures() {
        report.forEach(line -> System.out.println("FaultsE2E: " + line));
    }

    @Test
    @Order(1)
    void killedHalfWayThroughAStageChangeANewProcessFinishesItWithNothingLostOrLeftOver() {
        String namespace = cluster.createNamespace("kill");
        OperatorProcess first = OperatorProcess.start(cluster, "faults-kill-1", RESYNC);
        walkTo(namespace, 4);
        long mark = cluster.auditLog().mark();

        setStage(namespace, 8);
        // Stage 5 adds Redis first among the stateless children: kill as soon as some of the new children exist.
        await().atMost(CONVERGED).pollInterval(Duration.ofMillis(10))
                .until(() -> client.apps().deployments().inNamespace(namespace).withName(NAME + "-redis").get() != null);
        first.kill();
        int madeBeforeKill = managedObjects(namespace).size();

        long start = System.nanoTime();
        try (OperatorProcess second = OperatorProcess.start(cluster, "faults-kill-2", RESYNC)) {
            ScalingStages.awaitReady(client, namespace, NAME, 8, CONVERGED);
            report.add(String.format("kill -9 during 4 -> 8 with %d objects made: a new process Ready at 8 in %.1f s (start included)",
                    madeBeforeKill, seconds(start)));
        }
        assertThat(operatorWrites(mark)).as("nothing deleted").noneMatch(write -> write.verb().startsWith("delete"));
        ScalingStage resource = ScalingStages.get(client, namespace, NAME);
        Set<String> reported = new TreeSet<>();
        for (ComponentStatus component : resource.getStatus().getComponents()) {
            reported.add(component.getKind() + "/" + component.getName());
        }
        assertThat(managedObjects(namespace)).as("every object the operator made is one of stage 8's, each once, none left over")
                .containsExactlyInAnyOrderElementsOf(reported);
        assertThat(resource.getStatus().getComponents()).as("every one of them ready").allMatch(ComponentStatus::getReady);
    }

    @Test
    @Order(2)
    void whatChangedWhileTheOperatorWasDownIsConvergedWithinThirtySeconds() {
        String namespace = cluster.createNamespace("down");
        OperatorProcess operator = OperatorProcess.start(cluster, "faults-down-1", RESYNC);
        walkTo(namespace, 3);
        operator.close();

        client.services().inNamespace(namespace).withName(NAME).delete();
        client.resources(ScalingStage.class).inNamespace(namespace).withName(NAME).edit(resource -> {
            resource.getSpec().getApp().getReplicas().setMin(4);
            return resource;
        });
        long start = System.nanoTime();
        try (OperatorProcess back = OperatorProcess.start(cluster, "faults-down-2", RESYNC)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    client.services().inNamespace(namespace).withName(NAME).get() != null
                            && Integer.valueOf(4).equals(client.apps().deployments().inNamespace(namespace).withName(NAME).get()
                                    .getSpec().getReplicas()));
            ScalingStages.awaitReady(client, namespace, NAME, 3, Duration.ofSeconds(30));
            report.add(String.format("deleted Service and edited spec while down: converged %.1f s after the start command",
                    seconds(start)));
        }
    }

    @Test
    @Order(3)
    void aLeaderKilledOrStoppedIsReplacedByTheStandbyTheLatterAtOnce() {
        String leases = cluster.createNamespace("leases");
        String namespace = cluster.createNamespace("leader");
        List<OperatorProcess> replicas = new ArrayList<>(List.of(replica(leases, "a"), replica(leases, "b")));
        try {
            String leader = awaitLeaseHolder(leases, Set.of("a", "b"), Duration.ofSeconds(60));
            walkTo(namespace, 1);

            // kill -9: nothing is released, the standby waits out the lease.
            OperatorProcess killed = replicas.remove(leader.equals("a") ? 0 : 1);
            killed.kill();
            long start = System.nanoTime();
            setStage(namespace, 2);
            awaitObserved(namespace, Duration.ofSeconds(60));
            double afterKill = seconds(start);
            ScalingStages.awaitReady(client, namespace, NAME, 2, Duration.ofSeconds(60));
            String standby = leader.equals("a") ? "b" : "a";
            assertThat(awaitLeaseHolder(leases, Set.of(standby), Duration.ofSeconds(1))).isEqualTo(standby);

            // A graceful stop, as a rolling upgrade makes it: the Lease is released, the new standby takes it at once.
            replicas.add(replica(leases, "c"));
            OperatorProcess stopped = replicas.remove(0);
            start = System.nanoTime();
            stopped.terminate();
            awaitLeaseHolder(leases, Set.of("c"), Duration.ofSeconds(10));
            double handOver = seconds(start);
            setStage(namespace, 3);
            awaitObserved(namespace, Duration.ofSeconds(60));
            double afterStop = seconds(start);
            ScalingStages.awaitReady(client, namespace, NAME, 3, Duration.ofSeconds(60));
            stopped.close();
            report.add(String.format("leader kill -9: the standby reconciled a change made at the kill %.1f s later (lease 15 s)",
                    afterKill));
            report.add(String.format("leader SIGTERM: Lease held by the standby after %.1f s; a change made then reconciled at"
                    + " %.1f s", handOver, afterStop));
            assertThat(handOver).as("a released Lease is taken within fabric8's retry, far below the 15 s lease")
                    .isLessThan(5);
        } finally {
            replicas.forEach(OperatorProcess::close);
        }
    }

    @Test
    @Order(4)
    void anotherFieldManagersWriteIsUndoneOnceAndItsOwnFieldsAreLeftAlone() {
        String namespace = cluster.createNamespace("conflict");
        try (OperatorProcess operator = OperatorProcess.start(cluster, "faults-conflict", RESYNC)) {
            walkTo(namespace, 3);
            String image = container(namespace).getImage();
            long mark = cluster.auditLog().mark();
            String intrusion = """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: %s
                      namespace: %s
                      annotations: {team.example/owner: payments}
                    spec:
                      selector: {matchLabels: {app.kubernetes.io/instance: %s, app.kubernetes.io/component: app}}
                      template:
                        metadata:
                          labels: {app.kubernetes.io/instance: %s, app.kubernetes.io/component: app}
                        spec:
                          containers:
                          - name: app
                            image: registry.example/intruder:6.6.6
                    """.formatted(NAME, namespace, NAME, NAME);
            assertThat(cluster.kubectl(intrusion, "apply", "--server-side", "--force-conflicts", "--field-manager=intruder",
                    "-f", "-").exit()).isZero();
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> container(namespace).getImage().equals(image));
            report.add(String.format("an owned field taken by another manager with force: restored in %.1f s", seconds(start)));

            // Several resyncs (every 3 s) later: one write put the image back, none fought over it since.
            sleep(Duration.ofSeconds(15));
            List<AuditLog.Event> writes = operatorWrites(mark).stream()
                    .filter(write -> write.resource().equals("deployments") && write.name().equals(NAME)).toList();
            assertThat(writes).as("the operator's writes to the Deployment after the intrusion").hasSize(1);
            assertThat(client.apps().deployments().inNamespace(namespace).withName(NAME).get().getMetadata().getAnnotations())
                    .as("the intruder's own field").containsEntry("team.example/owner", "payments");
        }
    }

    @Test
    @Order(5)
    void aConflictAnsweredToTheStatusPatchIsRetriedWithoutALoop() {
        String namespace = cluster.createNamespace("status409");
        AtomicInteger refusals = new AtomicInteger(2);
        try (AdmissionWebhook webhook = AdmissionWebhook.register(client, Toolchain.get().logDirectory("faults-409"), namespace,
                "scalingstage.io", List.of("scalingstages/status"),
                request -> refusals.getAndDecrement() > 0
                        ? Optional.of(new Denial(409, "Operation cannot be fulfilled: the object has been modified"))
                        : Optional.empty());
                OperatorProcess operator = OperatorProcess.start(cluster, "faults-409", RESYNC)) {
            long mark = cluster.auditLog().mark();
            long start = System.nanoTime();
            walkTo(namespace, 1);
            report.add(String.format("two status patches answered 409: Ready in %.1f s", seconds(start)));
            assertThat(webhook.denied()).hasSize(2);
            sleep(Duration.ofSeconds(12));
            List<AuditLog.Event> statusWrites = operatorWrites(mark).stream()
                    .filter(write -> write.resource().equals("scalingstages") && write.subresource().equals("status")).toList();
            assertThat(statusWrites.stream().filter(write -> write.code() == 409)).hasSize(2);
            assertThat(statusWrites.stream().filter(write -> write.code() < 400))
                    .as("status written until it stood, then left alone through four resyncs").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    @Order(6)
    void aNeighbourWhoseChildrenAreRefusedSlowsNobodyElse() {
        String quota = cluster.createNamespace("quota");
        String denied = cluster.createNamespace("denied");
        String good = cluster.createNamespace("good");
        client.resourceQuotas().inNamespace(quota).resource(new ResourceQuotaBuilder().withNewMetadata().withName("no-deployments")
                .endMetadata().withNewSpec().addToHard("count/deployments.apps", new Quantity("0"))
                .endSpec().build()).create();
        try (AdmissionWebhook webhook = AdmissionWebhook.register(client, Toolchain.get().logDirectory("faults-neighbours"), denied,
                "", List.of("services"), request -> Optional.of(new Denial(403, "Services are frozen here by the platform team")));
                OperatorProcess operator = OperatorProcess.start(cluster, "faults-neighbours", RESYNC)) {
            for (String namespace : List.of(quota, denied)) {
                cluster.kubectlOk("apply", "--server-side", "-n", namespace, "-f", sample(3));
            }
            long start = System.nanoTime();
            walkTo(good, 3);
            double first = seconds(start);
            start = System.nanoTime();
            setStage(good, 4);
            ScalingStages.awaitReady(client, good, NAME, 4, Duration.ofSeconds(30));
            report.add(String.format("beside two ScalingStages whose children are refused: another Ready in %.1f s, its next"
                    + " stage in %.1f s", first, seconds(start)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ScalingStages.condition(ScalingStages.get(client, quota, NAME), "Ready").getMessage())
                        .contains("exceeded quota");
                assertThat(ScalingStages.condition(ScalingStages.get(client, denied, NAME), "Ready").getMessage())
                        .contains("Services are frozen here by the platform team");
            });
        }
    }

    @Test
    @Order(7)
    void theControlPlaneStoppedForTwentySecondsMidWalkIsRiddenOutWithoutARestart() {
        String namespace = cluster.createNamespace("outage");
        try (OperatorProcess operator = OperatorProcess.start(cluster, "faults-outage", RESYNC)) {
            walkTo(namespace, 1);
            long pid = operator.pid();
            setStage(namespace, 5);
            await().atMost(CONVERGED).pollInterval(Duration.ofMillis(10))
                    .until(() -> client.apps().deployments().inNamespace(namespace).withName(NAME + "-redis").get() != null);
            cluster.stopControlPlane();
            sleep(Duration.ofSeconds(20));
            cluster.startControlPlane();
            long start = System.nanoTime();
            ScalingStages.awaitReady(client, namespace, NAME, 5, CONVERGED);
            report.add(String.format("control plane down 20 s during 1 -> 5: Ready at 5 %.1f s after it answered again",
                    seconds(start)));
            assertThat(operator.isAlive()).isTrue();
            assertThat(operator.pid()).isEqualTo(pid);
        }
    }

    private OperatorProcess replica(String leaseNamespace, String identity) {
        Map<String, String> env = new HashMap<>(RESYNC);
        env.putAll(Map.of("SCALINGSTAGE_LEADER_ELECTION_ENABLED", "true",
                "SCALINGSTAGE_LEADER_ELECTION_LEASE_NAMESPACE", leaseNamespace,
                "SCALINGSTAGE_LEADER_ELECTION_IDENTITY", identity));
        return OperatorProcess.start(cluster, "faults-leader-" + identity, env);
    }

    private String awaitLeaseHolder(String namespace, Set<String> candidates, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            Lease lease = client.resources(Lease.class).inNamespace(namespace).withName("scalingstage-operator").get();
            return lease == null ? null : lease.getSpec().getHolderIdentity();
        }, candidates::contains);
    }

    /** Until the operator has reconciled the ScalingStage's current generation (observed, whether Ready or not). */
    private void awaitObserved(String namespace, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            ScalingStage resource = ScalingStages.get(client, namespace, NAME);
            return resource.getStatus() != null
                    && resource.getMetadata().getGeneration().equals(resource.getStatus().getObservedGeneration());
        });
    }

    private void walkTo(String namespace, int stage) {
        cluster.kubectlOk("apply", "--server-side", "-n", namespace, "-f", sample(stage));
        ScalingStages.awaitReady(client, namespace, NAME, stage, CONVERGED);
    }

    private void setStage(String namespace, int stage) {
        client.resources(ScalingStage.class).inNamespace(namespace).withName(NAME).edit(resource -> {
            resource.getSpec().setStage(stage);
            return resource;
        });
    }

    private static String sample(int stage) {
        return Toolchain.get().samples().resolve("stage-" + stage + ".yaml").toString();
    }

    private Container container(String namespace) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(NAME).get();
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Kind/name of every object in the namespace that carries the operator's label, of the kinds it makes. */
    private Set<String> managedObjects(String namespace) {
        Set<String> objects = new TreeSet<>();
        String selector = "app.kubernetes.io/managed-by=scalingstage-operator";
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.apps().deployments().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.apps().statefulSets().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.services().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.configMaps().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.secrets().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.persistentVolumeClaims().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.policy().v1().podDisruptionBudget().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.network().v1().ingresses().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.network().v1().networkPolicies().inNamespace(namespace).withLabel(selector).list().getItems());
        all.addAll(client.genericKubernetesResources("postgresql.cnpg.io/v1", "Cluster").inNamespace(namespace).withLabel(selector)
                .list().getItems());
        all.addAll(client.genericKubernetesResources("postgresql.cnpg.io/v1", "Pooler").inNamespace(namespace).withLabel(selector)
                .list().getItems());
        all.forEach(object -> objects.add(object.getKind() + "/" + object.getMetadata().getName()));
        return objects;
    }

    private List<AuditLog.Event> operatorWrites(long mark) {
        return cluster.auditLog().since(mark).stream()
                .filter(event -> event.user().equals(OperatorIdentity.USER) && event.isWrite())
                .filter(event -> !event.resource().equals("events") && !event.resource().equals("leases"))
                .toList();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
