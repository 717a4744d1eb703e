package io.scalingstage.operator.telemetry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The operator's own promotion metrics on /q/metrics, one series per ScalingStage labelled by namespace and name:
 * scalingstage_stage, scalingstage_recommended_stage, scalingstage_trigger_value and scalingstage_trigger_threshold.
 * Unknown is NaN, never zero.
 */
@ApplicationScoped
public class PromotionGauges {

    private final MeterRegistry registry;
    private final Map<ResourceID, Readings> byResource = new ConcurrentHashMap<>();

    public PromotionGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    public void stage(ResourceID resource, int stage, Integer recommended) {
        Readings readings = readings(resource);
        readings.stage = stage;
        readings.recommended = recommended == null ? Double.NaN : recommended;
    }

    public void trigger(ResourceID resource, double value, double threshold) {
        Readings readings = readings(resource);
        readings.value = value;
        readings.threshold = threshold;
    }

    /** Counts one evaluation, by the source that answered it. */
    public void evaluated(String source) {
        Counter.builder("scalingstage.trigger.evaluations").description("Evaluations of exit triggers, by source")
                .tag("source", source).register(registry).increment();
    }

    public void forget(ResourceID resource) {
        Readings readings = byResource.remove(resource);
        if (readings != null) {
            readings.meters.forEach(registry::remove);
        }
    }

    private Readings readings(ResourceID resource) {
        return byResource.computeIfAbsent(resource, id -> {
            Readings readings = new Readings();
            Tags tags = Tags.of("namespace", id.getNamespace().orElse(""), "name", id.getName());
            readings.meters = List.of(
                    gauge("scalingstage.stage", "The effective stage", tags, readings, r -> r.stage),
                    gauge("scalingstage.recommended.stage", "The stage the metrics recommend; NaN while unknown", tags,
                            readings, r -> r.recommended),
                    gauge("scalingstage.trigger.value", "The newest sample of the current stage's exit trigger; NaN "
                            + "while unknown", tags, readings, r -> r.value),
                    gauge("scalingstage.trigger.threshold", "The threshold of the current stage's exit trigger", tags,
                            readings, r -> r.threshold));
            return readings;
        });
    }

    private Meter gauge(String name, String description, Tags tags, Readings readings, ToDoubleFunction<Readings> value) {
        return Gauge.builder(name, readings, value).description(description).tags(tags).register(registry);
    }

    /** Written by the evaluating and reconciling threads, read by the scrape. */
    private static final class Readings {

        volatile double stage = Double.NaN;
        volatile double recommended = Double.NaN;
        volatile double value = Double.NaN;
        volatile double threshold = Double.NaN;
        List<Meter> meters = List.of();
    }
}
