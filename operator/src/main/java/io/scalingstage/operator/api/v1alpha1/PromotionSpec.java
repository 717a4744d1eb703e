package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** How the operator watches metrics and moves between stages. */
// A window is read one sample per interval: bounding the ratio bounds every query's points and the operator's memory.
@ValidationRule(value = "duration(self.interval) >= duration('1s')", message = "interval must be at least 1s",
        fieldPath = ".interval", reason = "FieldValueInvalid")
@ValidationRule(value = "duration(self.__for__) >= duration(self.interval)"
        + " && duration(self.__for__).getMilliseconds() <= duration(self.interval).getMilliseconds() * " + PromotionSpec.MAX_SAMPLES,
        message = "for must span from one to " + PromotionSpec.MAX_SAMPLES + " intervals", fieldPath = ".for",
        reason = "FieldValueInvalid")
@ValidationRule(value = "!has(self.triggers) || self.triggers.all(t, !has(t.__for__) || (duration(t.__for__) >= duration(self.interval)"
        + " && duration(t.__for__).getMilliseconds() <= duration(self.interval).getMilliseconds() * " + PromotionSpec.MAX_SAMPLES + "))",
        message = "a trigger's for must span from one to " + PromotionSpec.MAX_SAMPLES + " intervals", fieldPath = ".triggers",
        reason = "FieldValueInvalid")
public class PromotionSpec {

    /** The most samples one trigger window may hold. */
    public static final int MAX_SAMPLES = 720;

    @Default("Recommend")
    @JsonPropertyDescription("Manual only shows the plan; Recommend (the default) also sets status.recommendedStage, a "
            + "condition and an Event; Auto then promotes one stage by raising status.promotion.promotedStage. "
            + "The operator never writes spec.")
    private PromotionMode mode = PromotionMode.Recommend;

    @Default("30s")
    @Pattern(Formats.DURATION)
    @JsonPropertyDescription("How often the current stage's exit trigger is evaluated, as a duration such as 30s.")
    private String interval = "30s";

    @JsonProperty("for")
    @Default("10m")
    @Pattern(Formats.DURATION)
    @JsonPropertyDescription("How long a trigger must hold, with a sample at every interval and each above its threshold, "
            + "before it fires.")
    private String forDuration = "10m";

    @Default("1h")
    @Pattern(Formats.DURATION)
    @JsonPropertyDescription("The quiet time after any stage change during which no promotion happens.")
    private String cooldown = "1h";

    @JsonPropertyDescription("The Prometheus to query. Unset: pod CPU is read from the metrics.k8s.io API and triggers that "
            + "need other metrics hold with MetricsAvailable=False.")
    private PrometheusSpec prometheus;

    @Size(max = 7)
    @ValidationRule(value = "self.all(t, self.filter(o, o.stage == t.stage).size() == 1)", message = "one trigger per stage")
    @JsonPropertyDescription("Replacements of the default exit triggers, at most one per stage.")
    private List<TriggerSpec> triggers = new ArrayList<>();

    public PromotionMode getMode() {
        return mode;
    }

    public void setMode(PromotionMode mode) {
        this.mode = mode;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getForDuration() {
        return forDuration;
    }

    public void setForDuration(String forDuration) {
        this.forDuration = forDuration;
    }

    public String getCooldown() {
        return cooldown;
    }

    public void setCooldown(String cooldown) {
        this.cooldown = cooldown;
    }

    public PrometheusSpec getPrometheus() {
        return prometheus;
    }

    public void setPrometheus(PrometheusSpec prometheus) {
        this.prometheus = prometheus;
    }

    public List<TriggerSpec> getTriggers() {
        return triggers;
    }

    public void setTriggers(List<TriggerSpec> triggers) {
        this.triggers = triggers;
    }
}
