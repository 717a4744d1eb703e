package io.scalingstage.operator.status;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.PromotionMode;
import io.scalingstage.operator.api.v1alpha1.ScalingStageSpec;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.plan.Stage;
import io.scalingstage.operator.promotion.Evidence;
import io.scalingstage.operator.promotion.Figures;
import io.scalingstage.operator.promotion.Headroom;
import io.scalingstage.operator.promotion.Promotion;
import io.scalingstage.operator.promotion.PromotionPolicy;
import io.scalingstage.operator.promotion.Trigger;
import io.scalingstage.operator.promotion.TriggerState;

/**
 * MetricsAvailable and PromotionRecommended, each in one sentence. The sentences name thresholds, windows and times,
 * never sampled values, so a metric that moves without changing the decision rewrites nothing.
 */
final class PromotionConditions {

    private PromotionConditions() {
    }

    /** Both conditions, or none when this reconcile brought no new evidence about a trigger already judged. */
    static List<Condition> of(Promotion promotion, ScalingStageSpec spec) {
        List<Condition> conditions = new ArrayList<>();
        Stage stage = promotion.stage();
        if (promotion.decision().isPresent()) {
            Evidence evidence = promotion.evidence().orElseThrow();
            Trigger trigger = evidence.trigger();
            conditions.add(evidence.window().problem()
                    .map(p -> StatusFactory.condition(ConditionType.METRICS_AVAILABLE, "False", p.reason(),
                            "No complete evidence for the exit trigger of stage " + trigger.stage() + ", "
                                    + trigger.description() + ": " + p.message() + ". The stage holds."))
                    .orElseGet(() -> StatusFactory.condition(ConditionType.METRICS_AVAILABLE, "True", "WindowComplete",
                            (evidence.source().equals(Trigger.POD_CPU_READ) ? "metrics.k8s.io" : "Prometheus")
                                    + " answered the exit trigger of stage " + trigger.stage() + " at every step of its "
                                    + Durations.format(trigger.window()) + " window.")));
            conditions.add(recommended(promotion, spec, evidence));
        } else if (promotion.state() == TriggerState.None) {
            String why = stage == Stage.LAST ? "Stage 8 is the last stage: no metric is watched."
                    : "No metric leads out of stage " + stage + ": the next stage follows team boundaries, which no "
                            + "metric shows. A stage " + stage.number() + " entry in spec.promotion.triggers would "
                            + "recommend it.";
            conditions.add(StatusFactory.condition(ConditionType.METRICS_AVAILABLE, "True", "NoTrigger", why));
            conditions.add(StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "NoTrigger", why));
        } else if (promotion.state() == TriggerState.NotEvaluated) {
            String why = "The exit trigger of stage " + stage + " has not been evaluated yet; it is every "
                    + spec.getPromotion().getInterval() + ".";
            conditions.add(StatusFactory.condition(ConditionType.METRICS_AVAILABLE, "Unknown", "NotEvaluated", why));
            conditions.add(StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "NotEvaluated", why));
        }
        return conditions;
    }

    private static Condition recommended(Promotion promotion, ScalingStageSpec spec, Evidence evidence) {
        Trigger trigger = evidence.trigger();
        Stage from = trigger.stage();
        String held = trigger.description() + " held above " + Figures.of(trigger.threshold()) + " for "
                + Durations.format(trigger.window());
        if (promotion.mode() == PromotionMode.Manual) {
            return StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "ManualMode",
                    "Mode is Manual: status.plan shows the next stage and where its trigger stands; nothing is recommended.");
        }
        return switch (promotion.decision().get()) {
            case Recommended -> StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "True", "TriggerFired",
                    "Stage " + Stage.of(from.number() + 1) + " is recommended: " + held + ". " + trigger.howToMove());
            case Promoted -> StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "Promoted",
                    "Promoted from stage " + from + " to " + promotion.stage() + " at "
                            + promotion.lastTransition().truncatedTo(ChronoUnit.SECONDS) + ": " + held + ". Commit spec.stage: "
                            + promotion.stage().number() + " to keep it.");
            case HeldCooldown -> StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "Cooldown",
                    "The exit trigger of stage " + from + " fired, but "
                            + PromotionPolicy.cooldownHolds(spec, promotion.lastTransition()));
            case HeldMaxStage -> StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "MaxStageReached",
                    "The exit trigger of stage " + from + " fired, but spec.maxStage is " + spec.getMaxStage() + ".");
            case HeldMissingData -> StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False",
                    "MetricsUnavailable", "Nothing is recommended without complete data: see MetricsAvailable.");
            case BelowThreshold, Fired -> promotion.overProvisioned().map(PromotionConditions::overProvisioned)
                    .orElseGet(() -> StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "BelowThreshold",
                            "The exit trigger of stage " + from + ", " + trigger.description()
                                    + ", is not above its threshold of " + Figures.of(trigger.threshold()) + " for "
                                    + Durations.format(trigger.window()) + ": stage " + from.number() + " carries the load."));
        };
    }

    private static Condition overProvisioned(Headroom headroom) {
        Trigger below = headroom.below();
        return StatusFactory.condition(ConditionType.PROMOTION_RECOMMENDED, "False", "OverProvisioned",
                "The exit trigger of stage " + below.stage() + ", " + below.description() + ", has stayed under "
                        + Figures.of(Headroom.FAR_UNDER * below.threshold()) + " (half its threshold) for "
                        + Durations.format(headroom.span()) + ": stage " + below.stage().number()
                        + " would carry this load. The operator never demotes; lower spec.stage to change it.");
    }
}
