package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed and decided. */
@JsonClassDescription("What the operator observed and decided; written only by the operator.")
public class ScalingStageStatus {

    @JsonPropertyDescription("The metadata.generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("The effective stage: max(spec.stage, status.promotion.promotedStage), capped by spec.maxStage.")
    private Integer stage;

    @JsonPropertyDescription("The stage the metrics recommend; unset until promotion has evaluated the current stage's exit trigger.")
    private Integer recommendedStage;

    @JsonPropertyDescription("Ready, Progressing, Degraded, Reconciling and Stalled (kstatus's pair, which Flux "
            + "reads), MetricsAvailable, PromotionRecommended, PrematureScaling and RetainedComponents, following "
            + "the Kubernetes condition conventions.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Every object the operator manages for this stage, with its readiness.")
    private List<ComponentStatus> components = new ArrayList<>();

    @JsonPropertyDescription("What the next stage would add, and the trigger that leads there.")
    private PlanStatus plan;

    @JsonPropertyDescription("The promotion state: the stage promoted to in Auto mode and the evidence of the last decisions.")
    private PromotionStatus promotion;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public Integer getStage() {
        return stage;
    }

    public void setStage(Integer stage) {
        this.stage = stage;
    }

    public Integer getRecommendedStage() {
        return recommendedStage;
    }

    public void setRecommendedStage(Integer recommendedStage) {
        this.recommendedStage = recommendedStage;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public List<ComponentStatus> getComponents() {
        return components;
    }

    public void setComponents(List<ComponentStatus> components) {
        this.components = components;
    }

    public PlanStatus getPlan() {
        return plan;
    }

    public void setPlan(PlanStatus plan) {
        this.plan = plan;
    }

    public PromotionStatus getPromotion() {
        return promotion;
    }

    public void setPromotion(PromotionStatus promotion) {
        this.promotion = promotion;
    }
}
