package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The next stage and the trigger that leads there. It changes only when the trigger changes state, so a steady metric
 * causes no status writes.
 */
public class PlanStatus {

    @JsonPropertyDescription("The stage after the current one; unset at stage 8.")
    private Integer nextStage;

    @JsonPropertyDescription("The components the next stage would add.")
    private List<String> adds = new ArrayList<>();

    @JsonPropertyDescription("The current stage's exit trigger, in words; unset when no metric leads to the next stage.")
    private String trigger;

    @JsonPropertyDescription("The trigger's PromQL query, or the metrics.k8s.io read that stands in for it.")
    private String query;

    @JsonPropertyDescription("The value every sample of the window must exceed for the trigger to fire.")
    private Double threshold;

    @JsonPropertyDescription("How long the trigger must hold (its for), as a duration.")
    private String window;

    @JsonPropertyDescription("NotEvaluated, Below, Firing (held until a sample falls under 90% of the threshold) or Unknown (data missing).")
    private String state;

    @JsonPropertyDescription("When the trigger entered its state (RFC 3339).")
    private String since;

    @JsonPropertyDescription("The trigger's newest sample when it entered its state, or Unknown; the live value is the operator's scalingstage_trigger_value metric.")
    private String lastValue;

    public Integer getNextStage() {
        return nextStage;
    }

    public void setNextStage(Integer nextStage) {
        this.nextStage = nextStage;
    }

    public List<String> getAdds() {
        return adds;
    }

    public void setAdds(List<String> adds) {
        this.adds = adds;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getLastValue() {
        return lastValue;
    }

    public void setLastValue(String lastValue) {
        this.lastValue = lastValue;
    }
}
