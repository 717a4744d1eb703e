package io.scalingstage.operator.promotion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.metrics.Sample;
import io.scalingstage.operator.metrics.Window;
import io.scalingstage.operator.plan.StagePlan;

/** Evidence about a ScalingStage's current exit trigger, as the evidence source would hand it over. */
final class Evidences {

    private Evidences() {
    }

    static Trigger currentTrigger(ScalingStage resource) {
        return Triggers.exitOf(resource, StagePlan.effectiveStage(resource)).orElseThrow();
    }

    /**
     * A window ending at {@code end} with one step per spec.promotion.interval; {@code values} are the newest steps,
     * oldest first, and null marks a missing sample. Steps before the values are missing too.
     */
    static Evidence window(ScalingStage resource, Instant end, Double... values) {
        Trigger trigger = currentTrigger(resource);
        Duration step = Durations.parse(resource.getSpec().getPromotion().getInterval());
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                samples.add(new Sample(end.minus(step.multipliedBy(values.length - 1 - i)), values[i]));
            }
        }
        return new Evidence(trigger, trigger.source(resource.getSpec().getPromotion()), end,
                Window.of(end, trigger.window(), step, samples), Optional.empty());
    }

    /** A window of {@code steps} samples all equal to {@code value}. */
    static Evidence steady(ScalingStage resource, Instant end, double value) {
        int steps = currentWindow(resource).expected();
        Double[] values = new Double[steps];
        java.util.Arrays.fill(values, value);
        return window(resource, end, values);
    }

    static Evidence failed(ScalingStage resource, Instant end, Problem problem) {
        Trigger trigger = currentTrigger(resource);
        Duration step = Durations.parse(resource.getSpec().getPromotion().getInterval());
        return new Evidence(trigger, trigger.query(), end, Window.failed(end, trigger.window(), step, problem),
                Optional.empty());
    }

    private static Window currentWindow(ScalingStage resource) {
        Trigger trigger = currentTrigger(resource);
        return Window.of(Instant.EPOCH, trigger.window(), Durations.parse(resource.getSpec().getPromotion().getInterval()),
                List.of());
    }
}
