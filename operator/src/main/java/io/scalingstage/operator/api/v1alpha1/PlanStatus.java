package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The next stage and what it would take. */
public class PlanStatus {

    @JsonPropertyDescription("The stage after the current one; unset at stage 8.")
    private Integer nextStage;

    @JsonPropertyDescription("The components the next stage would add.")
    private List<String> adds = new ArrayList<>();

    @JsonPropertyDescription("The trigger that leads to the next stage, in words and PromQL.")
    private String trigger;

    @JsonPropertyDescription("The trigger's last sampled value, or Unknown.")
    private String lastValue;

    @JsonPropertyDescription("The trigger's threshold.")
    private Double threshold;

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

    public String getLastValue() {
        return lastValue;
    }

    public void setLastValue(String lastValue) {
        this.lastValue = lastValue;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }
}
