package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Promotion state kept by the operator. */
public class PromotionStatus {

    @JsonPropertyDescription("The stage Auto mode promoted to; the effective stage is the higher of it and spec.stage.")
    private Integer promotedStage;

    @JsonPropertyDescription("When the effective stage last changed (RFC 3339).")
    private String lastTransitionTime;

    @JsonPropertyDescription("The last ten promotion decisions with their evidence, newest first.")
    private List<PromotionDecision> history = new ArrayList<>();

    public Integer getPromotedStage() {
        return promotedStage;
    }

    public void setPromotedStage(Integer promotedStage) {
        this.promotedStage = promotedStage;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public List<PromotionDecision> getHistory() {
        return history;
    }

    public void setHistory(List<PromotionDecision> history) {
        this.history = history;
    }
}
