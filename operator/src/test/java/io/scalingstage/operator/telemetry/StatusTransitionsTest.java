package io.scalingstage.operator.telemetry;

import static io.scalingstage.operator.status.StatusFactory.condition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.telemetry.StatusTransitions.Transition;

class StatusTransitionsTest {

    private static final Condition READY = condition("Ready", "True", "AllComponentsReady", "Stage 3 is ready: 9 of 9 objects are ready.");
    private static final Condition ROLLING = condition("Ready", "False", "ComponentsNotReady", "Waiting for Deployment shop.");
    private static final Condition PROGRESSING = condition("Progressing", "True", "RollingOut", "Rolling out stage 3: 4 of 9 objects are ready.");
    private static final Condition HEALTHY = condition("Degraded", "False", "ReconcileSucceeded", "The last reconcile applied every object.");
    private static final Condition FAILED = condition("Degraded", "True", "ChildFailed", "Deployment shop: Invalid: bad image");

    @Test
    void aFirstStatusTellsTheStageAndWhereItStands() {
        assertThat(StatusTransitions.between(null, status(3, ROLLING, PROGRESSING, HEALTHY))).containsExactly(
                new Transition("Normal", "StageChanged", "Reconciling stage 3."),
                new Transition("Normal", "ComponentsNotReady", "Rolling out stage 3: 4 of 9 objects are ready."));
    }

    @Test
    void anUnchangedStatusTellsNothingEvenWhenItsMessagesMove() {
        ScalingStageStatus before = status(3, ROLLING, PROGRESSING, HEALTHY);
        ScalingStageStatus after = status(3, condition("Ready", "False", "ComponentsNotReady", "Waiting for Service shop."),
                condition("Progressing", "True", "RollingOut", "Rolling out stage 3: 8 of 9 objects are ready."), HEALTHY);
        assertThat(StatusTransitions.between(before, after)).isEmpty();
        assertThat(StatusTransitions.between(after, after)).isEmpty();
    }

    @Test
    void becomingReadyAndMovingToANewStageAreEachTold() {
        assertThat(StatusTransitions.between(status(3, ROLLING, PROGRESSING, HEALTHY), status(3, READY, HEALTHY)))
                .containsExactly(new Transition("Normal", "AllComponentsReady", "Stage 3 is ready: 9 of 9 objects are ready."));
        assertThat(StatusTransitions.between(status(2, READY, HEALTHY), status(3, READY, HEALTHY)))
                .containsExactly(new Transition("Normal", "StageChanged", "Stage 2 -> 3: reconciling its topology."));
    }

    @Test
    void troubleIsAWarningOnceAndItsEndIsTold() {
        ScalingStageStatus failing = status(3, condition("Ready", "False", "ComponentsNotReady", "Waiting."), FAILED);
        assertThat(StatusTransitions.between(status(3, READY, HEALTHY), failing))
                .containsExactly(new Transition("Warning", "ChildFailed", "Deployment shop: Invalid: bad image"));
        assertThat(StatusTransitions.between(failing, failing)).isEmpty();
        assertThat(StatusTransitions.between(failing, status(3, READY, HEALTHY))).containsExactly(
                new Transition("Normal", "Recovered", "The last reconcile applied every object."),
                new Transition("Normal", "AllComponentsReady", "Stage 3 is ready: 9 of 9 objects are ready."));
    }

    private static ScalingStageStatus status(int stage, Condition... conditions) {
        ScalingStageStatus status = new ScalingStageStatus();
        status.setStage(stage);
        status.setConditions(List.of(conditions));
        return status;
    }
}
