package io.scalingstage.operator.promotion;

import java.time.Instant;

import io.scalingstage.operator.api.v1alpha1.ScalingStageSpec;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.metrics.Window;
import io.scalingstage.operator.plan.Stage;

/** The sentence each decision is recorded and told with, its evidence included. */
final class DecisionMessages {

    private DecisionMessages() {
    }

    static String of(Decision decision, Stage stage, Evidence evidence, ScalingStageSpec spec, Instant lastTransition) {
        Trigger trigger = evidence.trigger();
        String subject = "Stage " + stage + "'s exit trigger, " + trigger.description() + ",";
        String figures = "threshold " + Figures.of(trigger.threshold()) + "; over " + Durations.format(trigger.window())
                + ": " + samples(evidence.window());
        Stage next = stage == Stage.LAST ? stage : Stage.of(stage.number() + 1);
        return switch (decision) {
            case BelowThreshold -> subject + " is not firing (" + figures + ").";
            case Fired -> subject + " fired (" + figures + "). Mode is Manual: nothing is recommended.";
            case Recommended -> "Stage " + next + " is recommended: " + trigger.description() + " (" + figures + "). "
                    + trigger.howToMove();
            case Promoted -> "Promoted from stage " + stage + " to " + next + ": " + trigger.description() + " ("
                    + figures + "). Commit spec.stage: " + next.number() + " to keep it.";
            case HeldMissingData -> "Stage " + stage + " holds: its exit trigger has no complete evidence: "
                    + evidence.window().problem().map(Problem::message).orElse("no data") + ".";
            case HeldCooldown -> subject + " fired (" + figures + "), but "
                    + PromotionPolicy.cooldownHolds(spec, lastTransition);
            case HeldMaxStage -> subject + " fired (" + figures + "), but spec.maxStage is " + spec.getMaxStage() + ".";
        };
    }

    private static String samples(Window window) {
        return window.present() + " of " + window.expected() + " samples, min " + Figures.of(window.min()) + ", max "
                + Figures.of(window.max()) + ", last " + Figures.of(window.last());
    }
}
