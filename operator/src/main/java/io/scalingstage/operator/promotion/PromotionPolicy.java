package io.scalingstage.operator.promotion;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.scalingstage.operator.api.v1alpha1.PlanStatus;
import io.scalingstage.operator.api.v1alpha1.PromotionDecision;
import io.scalingstage.operator.api.v1alpha1.PromotionMode;
import io.scalingstage.operator.api.v1alpha1.PromotionStatus;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageSpec;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.metrics.Window;
import io.scalingstage.operator.plan.Stage;
import io.scalingstage.operator.plan.StagePlan;

/**
 * DESIGN.md section 4 as a pure function of a ScalingStage, the newest evidence and the time: a trigger fires only on a
 * complete window above its threshold, holds until a sample falls under 90% of it, moves one stage at a time, never
 * past maxStage, never within cooldown of the last change, and in Auto mode only. It reads status and returns the next
 * one; it never touches spec.
 */
public final class PromotionPolicy {

    /** A fired trigger resets only under this share of its threshold, so a signal at the line cannot flap. */
    public static final double RESET = 0.9;

    /** Decisions kept in status.promotion.history. */
    public static final int HISTORY = 10;

    private PromotionPolicy() {
    }

    /**
     * @param latest the newest evidence for this ScalingStage, possibly about a trigger it no longer has
     */
    public static Promotion decide(ScalingStage resource, Optional<Evidence> latest, Instant now) {
        ScalingStageSpec spec = resource.getSpec();
        PromotionMode mode = spec.getPromotion().getMode();
        Optional<ScalingStageStatus> status = Optional.ofNullable(resource.getStatus());
        PromotionStatus previous = status.map(ScalingStageStatus::getPromotion).orElseGet(PromotionStatus::new);
        Optional<Integer> promoted = StagePlan.promotedStage(resource);
        Stage stage = StagePlan.effectiveStage(spec, promoted);
        boolean sameStage = status.map(ScalingStageStatus::getStage).filter(s -> s == stage.number()).isPresent();
        Instant lastTransition = sameStage && previous.getLastTransitionTime() != null
                ? Instant.parse(previous.getLastTransitionTime()) : now;

        Optional<Trigger> trigger = Triggers.exitOf(resource, stage);
        // The plan written for this same stage and trigger (or for its absence), whose state and since carry over.
        Optional<String> source = trigger.map(t -> t.source(spec.getPromotion()));
        Optional<PlanStatus> plan = status.map(ScalingStageStatus::getPlan)
                .filter(p -> sameStage && source.equals(Optional.ofNullable(p.getQuery())));
        TriggerState before = plan.map(p -> state(p.getState())).orElse(trigger.isPresent() ? TriggerState.NotEvaluated : TriggerState.None);
        Optional<Evidence> evidence = latest.filter(e -> trigger.isPresent() && e.answers(trigger.get()));

        TriggerState state = evidence.map(e -> judge(e.window(), e.trigger(), before)).orElse(before);
        Optional<Decision> decision = evidence.map(e -> decision(state, mode, stage, spec, lastTransition, now, e.trigger()));
        Instant since = state == before && plan.isPresent() && plan.get().getSince() != null
                ? Instant.parse(plan.get().getSince()) : evidence.map(Evidence::time).orElse(now);
        String lastValue = state == before && plan.isPresent() ? plan.get().getLastValue()
                : evidence.map(e -> Figures.of(e.window().last())).orElse(null);

        List<PromotionDecision> history = new ArrayList<>(Optional.ofNullable(previous.getHistory()).orElse(List.of()));
        Optional<PromotionDecision> recorded = Optional.empty();
        if (mode != PromotionMode.Manual && decision.isPresent() && isNew(history, decision.get(), stage)) {
            recorded = Optional.of(entry(decision.get(), stage, evidence.get(), spec, lastTransition));
            history.add(0, recorded.get());
            history = new ArrayList<>(history.subList(0, Math.min(HISTORY, history.size())));
        }
        Optional<Integer> recommended = recommended(mode, stage, state, decision, status, sameStage);
        Optional<Headroom> overProvisioned = evidence.filter(e -> mode != PromotionMode.Manual && state == TriggerState.Below)
                .flatMap(Evidence::headroom).filter(Headroom::overProvisioned);

        if (decision.equals(Optional.of(Decision.Promoted))) {
            Stage next = Stage.of(stage.number() + 1);
            Optional<Trigger> nextTrigger = Triggers.exitOf(resource, next);
            return new Promotion(mode, next, Optional.of(next.number()), Optional.of(spec.getStage()), now,
                    Optional.of(next.number()), nextTrigger,
                    nextTrigger.isPresent() ? TriggerState.NotEvaluated : TriggerState.None, now, null, decision,
                    evidence, history, recorded, Optional.empty());
        }
        return new Promotion(mode, stage, promoted, promoted.map(p -> spec.getStage()), lastTransition, recommended,
                trigger, state, since, lastValue, decision, evidence, history, recorded, overProvisioned);
    }

    /** The trigger's state after this window: the only place a threshold is compared. */
    static TriggerState judge(Window window, Trigger trigger, TriggerState before) {
        if (!window.complete()) {
            return TriggerState.Unknown;
        }
        boolean firing = before == TriggerState.Firing
                ? window.last().getAsDouble() >= RESET * trigger.threshold()
                : window.min().getAsDouble() > trigger.threshold();
        return firing ? TriggerState.Firing : TriggerState.Below;
    }

    private static Decision decision(TriggerState state, PromotionMode mode, Stage stage, ScalingStageSpec spec,
            Instant lastTransition, Instant now, Trigger trigger) {
        return switch (state) {
            case Unknown -> Decision.HeldMissingData;
            case Firing -> {
                if (mode == PromotionMode.Manual) {
                    yield Decision.Fired;
                }
                if (spec.getMaxStage() != null && stage.number() >= spec.getMaxStage()) {
                    yield Decision.HeldMaxStage;
                }
                if (now.isBefore(lastTransition.plus(cooldown(spec)))) {
                    yield Decision.HeldCooldown;
                }
                yield mode == PromotionMode.Auto && !trigger.recommendsOnly() ? Decision.Promoted : Decision.Recommended;
            }
            default -> Decision.BelowThreshold;
        };
    }

    public static Duration cooldown(ScalingStageSpec spec) {
        return Durations.parse(spec.getPromotion().getCooldown());
    }

    /** Why a fired trigger waits, told in the Event and in the condition. */
    public static String cooldownHolds(ScalingStageSpec spec, Instant lastTransition) {
        return "the stage changed at " + lastTransition.truncatedTo(ChronoUnit.SECONDS) + ": the "
                + spec.getPromotion().getCooldown() + " cooldown holds it until "
                + lastTransition.plus(cooldown(spec)).truncatedTo(ChronoUnit.SECONDS) + ".";
    }

    private static Optional<Integer> recommended(PromotionMode mode, Stage stage, TriggerState state,
            Optional<Decision> decision, Optional<ScalingStageStatus> status, boolean sameStage) {
        if (mode == PromotionMode.Manual) {
            return Optional.empty();
        }
        if (decision.isEmpty()) {
            return state == TriggerState.None ? Optional.of(stage.number())
                    : status.filter(s -> sameStage).map(ScalingStageStatus::getRecommendedStage);
        }
        return switch (decision.get()) {
            case Recommended -> Optional.of(stage.number() + 1);
            case HeldMissingData -> Optional.empty();
            default -> Optional.of(stage.number());
        };
    }

    /** A decision is recorded when it differs from the newest one about the same stage. */
    private static boolean isNew(List<PromotionDecision> history, Decision decision, Stage stage) {
        return history.isEmpty() || !decision.name().equals(history.get(0).getDecision())
                || !Objects.equals(history.get(0).getFromStage(), stage.number());
    }

    private static PromotionDecision entry(Decision decision, Stage stage, Evidence evidence, ScalingStageSpec spec,
            Instant lastTransition) {
        Window window = evidence.window();
        Trigger trigger = evidence.trigger();
        PromotionDecision entry = new PromotionDecision();
        entry.setTime(evidence.time().truncatedTo(ChronoUnit.SECONDS).toString());
        entry.setDecision(decision.name());
        entry.setFromStage(stage.number());
        if (decision == Decision.Recommended || decision == Decision.Promoted || decision == Decision.Fired) {
            entry.setToStage(stage.number() + 1);
        }
        entry.setQuery(evidence.source());
        entry.setMin(Figures.rounded(window.min()));
        entry.setMax(Figures.rounded(window.max()));
        entry.setLast(Figures.rounded(window.last()));
        entry.setThreshold(trigger.threshold());
        entry.setWindow(Durations.format(trigger.window()));
        entry.setMessage(DecisionMessages.of(decision, stage, evidence, spec, lastTransition));
        return entry;
    }

    private static TriggerState state(String name) {
        return Arrays.stream(TriggerState.values()).filter(s -> s.name().equals(name)).findFirst()
                .orElse(TriggerState.NotEvaluated);
    }
}
