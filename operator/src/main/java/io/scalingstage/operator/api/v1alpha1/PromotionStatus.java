package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Promotion state kept by the operator. */
public class PromotionStatus {

    @JsonPropertyDescription("The stage Auto mode promoted to; the effective stage is the higher of it and spec.stage, capped by spec.maxStage.")
    private Integer promotedStage;

    @JsonPropertyDescription("spec.stage when the promotion was made: a different spec.stage drops promotedStage, because the owner's declaration wins.")
    private Integer specStage;

    @JsonPropertyDescription("When the effective stage last changed (RFC 3339); cooldown counts from here.")
    private String lastTransitionTime;

    @JsonPropertyDescription("The last ten promotion decisions with their evidence, newest first.")
    private List<PromotionDecision> history = new ArrayList<>();

    public Integer getPromotedStage() {
        return promotedStage;
    }

    public void setPromotedStage(Integer promotedStage) {
        this.promotedStage = promotedStage;
    }

    public Integer getSpecStage() {
        return specStage;
    }

    public void setSpecStage(Integer specStage) {
        this.specStage = specStage;
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
