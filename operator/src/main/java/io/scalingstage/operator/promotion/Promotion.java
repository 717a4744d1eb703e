package io.scalingstage.operator.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.scalingstage.operator.api.v1alpha1.PromotionDecision;
import io.scalingstage.operator.api.v1alpha1.PromotionMode;
import io.scalingstage.operator.plan.Stage;

/**
 * The outcome of one run of the {@link PromotionPolicy}: the stage to build, the trigger that leads out of it and where
 * it stands, and the decision with its evidence.
 *
 * @param stage the effective stage after this decision, one above the last if it promoted
 * @param promotedStage status.promotion.promotedStage to write
 * @param specStage spec.stage under the promotion, when there is one
 * @param lastTransition when the effective stage last changed
 * @param recommendedStage status.recommendedStage to write; empty in Manual mode or while the data is missing
 * @param trigger the exit trigger of {@code stage}
 * @param state where that trigger stands, since {@code since}
 * @param lastValue the trigger's newest sample when it entered its state
 * @param decision what this evaluation concluded, about the stage before a promotion
 * @param evidence the evaluation behind {@code decision}
 * @param history status.promotion.history to write, newest first
 * @param recorded the entry this run added to the history, to be told as an Event
 * @param overProvisioned the stage below's trigger, when it has stayed far under its threshold
 */
public record Promotion(PromotionMode mode, Stage stage, Optional<Integer> promotedStage, Optional<Integer> specStage,
        Instant lastTransition, Optional<Integer> recommendedStage, Optional<Trigger> trigger, TriggerState state,
        Instant since, String lastValue, Optional<Decision> decision, Optional<Evidence> evidence,
        List<PromotionDecision> history, Optional<PromotionDecision> recorded, Optional<Headroom> overProvisioned) {

    public Promotion {
        history = List.copyOf(history);
    }
}
