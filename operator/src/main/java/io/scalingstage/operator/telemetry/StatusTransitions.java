package io.scalingstage.operator.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.status.ConditionType;

/**
 * What changed between two statuses that a person reading {@code kubectl describe} wants told: a new stage, the stage
 * becoming ready or rolling out, and trouble starting or ending. Only changes, so an unchanged status tells nothing.
 */
public final class StatusTransitions {

    /** One Event to tell: Normal or Warning, a CamelCase reason and a sentence. */
    public record Transition(String type, String reason, String message) {
    }

    private StatusTransitions() {
    }

    public static List<Transition> between(ScalingStageStatus before, ScalingStageStatus after) {
        List<Transition> transitions = new ArrayList<>();
        Integer stageBefore = before == null ? null : before.getStage();
        if (after.getStage() != null && !after.getStage().equals(stageBefore)) {
            transitions.add(new Transition("Normal", "StageChanged", stageBefore == null
                    ? "Reconciling stage " + after.getStage() + "."
                    : "Stage " + stageBefore + " -> " + after.getStage() + ": reconciling its topology."));
        }
        Optional<Condition> degraded = condition(after, ConditionType.DEGRADED);
        Optional<Condition> wasDegraded = condition(before, ConditionType.DEGRADED);
        boolean troubled = degraded.filter(c -> "True".equals(c.getStatus())).isPresent();
        if (troubled && changed(wasDegraded, degraded)) {
            transitions.add(new Transition("Warning", degraded.get().getReason(), degraded.get().getMessage()));
        }
        if (!troubled && wasDegraded.filter(c -> "True".equals(c.getStatus())).isPresent()) {
            transitions.add(new Transition("Normal", "Recovered", degraded.map(Condition::getMessage)
                    .orElse("The last reconcile applied every object.")));
        }
        Optional<Condition> ready = condition(after, ConditionType.READY);
        if (!troubled && ready.isPresent() && changed(condition(before, ConditionType.READY), ready)) {
            String message = "True".equals(ready.get().getStatus()) ? ready.get().getMessage()
                    : condition(after, ConditionType.PROGRESSING).map(Condition::getMessage).orElse(ready.get().getMessage());
            transitions.add(new Transition("Normal", ready.get().getReason(), message));
        }
        return transitions;
    }

    private static boolean changed(Optional<Condition> before, Optional<Condition> after) {
        return before.isEmpty() || !Objects.equals(before.get().getStatus(), after.get().getStatus())
                || !Objects.equals(before.get().getReason(), after.get().getReason());
    }

    private static Optional<Condition> condition(ScalingStageStatus status, String type) {
        return Optional.ofNullable(status).map(ScalingStageStatus::getConditions).orElse(List.of()).stream()
                .filter(c -> type.equals(c.getType())).findFirst();
    }
}
