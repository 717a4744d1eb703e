package io.scalingstage.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.promotion.PromotionPolicy;

class StatusFactoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final DatabaseProvider INSTALLED = new DatabaseProvider(true, "postgresql.cnpg.io/v1", 30);
    private static final DatabaseProvider MISSING = new DatabaseProvider(false, "postgresql.cnpg.io/v1", 30);
    private static final List<Observation> ALL_READY = List.of(
            Observation.ready("database", "Cluster", "shop-db"),
            Observation.ready("app", "Deployment", "shop"),
            Observation.ready("app", "Service", "shop"));

    @Test
    void everythingReadyIsReadyAndConverged() {
        ScalingStageStatus status = reconciled(factoryAt(T0), plan(ScalingStages.atStage(1)), ALL_READY, List.of(), INSTALLED);

        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(status.getStage()).isEqualTo(1);
        assertThat(status.getConditions()).extracting(Condition::getType)
                .containsExactly("Ready", "Progressing", "Degraded", "Reconciling", "Stalled", "MetricsAvailable",
                        "PromotionRecommended", "PrematureScaling", "RetainedComponents");
        assertThat(condition(status, "Ready")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("AllComponentsReady");
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
            assertThat(c.getObservedGeneration()).isEqualTo(1L);
        });
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Reconciling")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("Converged");
        });
        assertThat(condition(status, "Stalled")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ReconcileSucceeded");
        });
        assertThat(status.getComponents()).hasSize(3).allMatch(c -> c.getReady());
        assertThat(status.getPlan().getNextStage()).isEqualTo(2);
        assertThat(status.getPlan().getAdds()).containsExactly("databaseIsolation", "ingress");
    }

    @Test
    void waitingComponentsAreNamedAndTheStageIsProgressing() {
        List<Observation> observations = List.of(
                Observation.notReady("app", "Deployment", "shop", "0/1 replicas available, 1 updated"),
                Observation.ready("app", "Service", "shop"),
                Observation.notReady("database", "Cluster", "shop-db", "Setting up primary"));

        ScalingStageStatus status = reconciled(factoryAt(T0), plan(ScalingStages.atStage(1)), observations, List.of(), INSTALLED);

        assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Ready").getReason()).isEqualTo("ComponentsNotReady");
        assertThat(condition(status, "Ready").getMessage())
                .isEqualTo("Waiting for Deployment shop (0/1 replicas available, 1 updated), Cluster shop-db (Setting up primary).");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Progressing").getMessage()).contains("1 of 3 objects are ready");
        assertThat(condition(status, "Reconciling")).as("kstatus's name for it").satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("RollingOut");
            assertThat(c.getMessage()).isEqualTo(condition(status, "Progressing").getMessage());
        });
        assertThat(condition(status, "Stalled").getStatus()).isEqualTo("False");
    }

    @Test
    void missingCloudNativePgIsNotReadyAndDegradedWithTheReasonNamed() {
        ScalingStageStatus status = reconciled(factoryAt(T0), plan(ScalingStages.atStage(1)), ALL_READY.subList(0, 2), List.of(), MISSING);

        assertThat(condition(status, "Ready")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("DatabaseProviderMissing");
            assertThat(c.getMessage()).contains("CloudNativePG is not installed", "postgresql.cnpg.io/v1", "every 30s");
        });
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Stalled")).as("a person must install it").satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("DatabaseProviderMissing");
            assertThat(c.getMessage()).isEqualTo(condition(status, "Degraded").getMessage());
        });
        assertThat(condition(status, "Reconciling").getStatus()).isEqualTo("False");
    }

    @Test
    void anUnchangedWorldGivesTheSameStatusEvenLater() {
        ScalingStage resource = ScalingStages.atStage(1);
        resource.setStatus(reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED));

        ScalingStageStatus later = reconciled(factoryAt(T0.plusSeconds(3600)), plan(resource), ALL_READY, List.of(), INSTALLED);

        assertThat(StatusFactory.same(resource.getStatus(), later)).isTrue();
    }

    @Test
    void aConditionThatFlipsGetsANewTransitionTimeAndTheOthersKeepTheirs() {
        ScalingStage resource = ScalingStages.atStage(1);
        resource.setStatus(reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED));
        List<Observation> appDown = List.of(ALL_READY.get(0),
                Observation.notReady("app", "Deployment", "shop", "0/1 replicas available, 1 updated"), ALL_READY.get(2));

        ScalingStageStatus later = reconciled(factoryAt(T0.plusSeconds(60)), plan(resource), appDown, List.of(), INSTALLED);

        assertThat(StatusFactory.same(resource.getStatus(), later)).isFalse();
        assertThat(condition(later, "Ready").getLastTransitionTime()).isEqualTo("2026-11-25T10:01:00Z");
        assertThat(condition(later, "Degraded").getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void aNewGenerationIsObservedInStatusAndEveryCondition() {
        ScalingStage resource = ScalingStages.atStage(1);
        resource.setStatus(reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED));
        resource.getMetadata().setGeneration(2L);

        ScalingStageStatus status = reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED);

        assertThat(status.getObservedGeneration()).isEqualTo(2L);
        assertThat(status.getConditions()).allMatch(c -> c.getObservedGeneration() == 2L);
    }

    @Test
    void prematureComponentsCarryTheWarningOfTheStageThatEarnsThem() {
        ScalingStage resource = ScalingStages.atStage(2, "components: {cache: Enabled}");

        ScalingStageStatus status = reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED);

        assertThat(condition(status, "PrematureScaling")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("ComponentEnabledEarly");
            assertThat(c.getMessage()).contains("cache is enabled at stage 2 but earned at stage 5 (Cache)",
                    "Caching everything");
        });
    }

    @Test
    void aFailedReconcileSaysWhyAndKeepsTheRestOfTheStatus() {
        ScalingStage resource = ScalingStages.atStage(1);
        resource.setStatus(reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED));

        ScalingStageStatus status = factoryAt(T0.plusSeconds(5)).failed(resource, "admission webhook denied the request", true, Optional.empty());

        assertThat(condition(status, "Ready").getReason()).isEqualTo("ReconcileFailed");
        assertThat(condition(status, "Degraded").getMessage()).isEqualTo("Reconcile failed: admission webhook denied the request");
        assertThat(condition(status, "Stalled")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("ReconcileFailed");
            assertThat(c.getMessage()).isEqualTo("Reconcile failed: admission webhook denied the request");
        });
        assertThat(condition(status, "Reconciling").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Progressing").getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(status.getConditions()).extracting(Condition::getType)
                .containsExactly("Ready", "Progressing", "Degraded", "Reconciling", "Stalled", "MetricsAvailable",
                        "PromotionRecommended", "PrematureScaling", "RetainedComponents");
        assertThat(status.getComponents()).hasSize(3);
    }

    @Test
    void aFailureThatMayPassIsReconcilingNotStalled() {
        ScalingStage resource = ScalingStages.atStage(1);
        resource.setStatus(reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED));

        ScalingStageStatus status = factoryAt(T0.plusSeconds(5)).failed(resource, "connect timed out", false, Optional.empty());

        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Stalled").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Reconciling")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).isEqualTo("Retrying after a failure that may pass: connect timed out");
        });
    }

    @Test
    void aNewGenerationThatFailsIsObservedSoTheStallIsReadAsThisGenerations() {
        ScalingStage resource = ScalingStages.atStage(1);
        resource.setStatus(reconciled(factoryAt(T0), plan(resource), ALL_READY, List.of(), INSTALLED));
        resource.getMetadata().setGeneration(2L);

        ScalingStageStatus status = factoryAt(T0.plusSeconds(5)).failed(resource, "quota exceeded", true, Optional.empty());

        assertThat(status.getObservedGeneration()).isEqualTo(2L);
        assertThat(condition(status, "Stalled").getObservedGeneration()).isEqualTo(2L);
        assertThat(status.getStage()).as("the rest is the last reconcile's").isEqualTo(1);
    }

    @Test
    void aFailingChildMakesTheStageDegradedNamingItAndItsReason() {
        List<Observation> observations = List.of(ALL_READY.get(0), new Observation("app", "Deployment", "shop", false,
                "ReplicaSet \"shop-7d9\" has timed out progressing.", "ProgressDeadlineExceeded"), ALL_READY.get(2));

        ScalingStageStatus status = reconciled(factoryAt(T0), plan(ScalingStages.atStage(1)), observations, List.of(), INSTALLED);

        assertThat(condition(status, "Degraded")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("ChildFailed");
            assertThat(c.getMessage()).isEqualTo("Deployment shop: ProgressDeadlineExceeded: ReplicaSet \"shop-7d9\" has timed out progressing.");
        });
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Stalled").getReason()).isEqualTo("ChildFailed");
        assertThat(condition(status, "Reconciling").getStatus()).as("a stalled stage is not reconciling").isEqualTo("False");
    }

    @Test
    void retainedDataIsListedWithTheWayToDeleteItAndIsNotDegraded() {
        List<Observation> retained = List.of(Observation.ready("shards", "StatefulSet", "shop-shard-0"),
                new Observation("readReplicas", "Cluster", "shop-db", true, "3 instances kept; stage 5 uses 1", null));

        ScalingStageStatus status = reconciled(factoryAt(T0), plan(ScalingStages.atStage(5)), ALL_READY, retained, INSTALLED);

        assertThat(condition(status, "RetainedComponents")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("DataRetained");
            assertThat(c.getMessage()).isEqualTo("Kept because they hold data and spec.retention is Retain: StatefulSet "
                    + "shop-shard-0, Cluster shop-db (3 instances kept; stage 5 uses 1). To delete them on purpose, set "
                    + "spec.retention: Delete.");
        });
        assertThat(condition(status, "Degraded").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
        assertThat(status.getComponents()).extracting(c -> c.getKind() + "/" + c.getName())
                .endsWith("StatefulSet/shop-shard-0", "Cluster/shop-db");
    }

    @Test
    void moreThanThreeReadReplicasIsPrematureScaling() {
        ScalingStageStatus status = reconciled(factoryAt(T0), plan(ScalingStages.atStage(6, "database: {readReplicas: 5}")),
                ALL_READY, List.of(), INSTALLED);

        assertThat(condition(status, "PrematureScaling")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("TooManyReadReplicas");
            assertThat(c.getMessage()).contains("5 read replicas", "Six replicas when two would do.");
        });
    }

    private static StatusFactory factoryAt(Instant now) {
        return new StatusFactory(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static StagePlan plan(ScalingStage resource) {
        return StagePlan.of(resource);
    }

    private static Condition condition(ScalingStageStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    /** A reconcile before any evidence has arrived. */
    private static ScalingStageStatus reconciled(StatusFactory factory, StagePlan plan, List<Observation> observations,
            List<Observation> retained, DatabaseProvider provider) {
        return factory.reconciled(plan, observations, retained, provider,
                PromotionPolicy.decide(plan.resource(), Optional.empty(), T0));
    }
}
