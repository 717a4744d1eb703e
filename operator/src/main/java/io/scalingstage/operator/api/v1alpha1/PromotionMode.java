package io.scalingstage.operator.api.v1alpha1;

/** What the operator does when a stage's exit trigger fires. */
public enum PromotionMode {
    /** Evaluate and show the plan only. */
    Manual,
    /** Set recommendedStage, the PromotionRecommended condition and an Event. */
    Recommend,
    /** Recommend, then promote one stage through status.promotion.promotedStage. */
    Auto
}
