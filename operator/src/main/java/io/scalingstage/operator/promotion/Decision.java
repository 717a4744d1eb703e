package io.scalingstage.operator.promotion;

/** What one evaluation of a stage's exit trigger concluded. */
public enum Decision {
    /** The trigger is not firing: not every sample of the window exceeds the threshold, or a fired one fell under 90%. */
    BelowThreshold,
    /** The trigger fires in Manual mode: the plan shows it, nothing else happens. */
    Fired,
    /** The trigger fires: the next stage is recommended. */
    Recommended,
    /** The trigger fires in Auto mode: the effective stage goes up by one. */
    Promoted,
    /** The window has a gap, a NaN or no data, or the source failed: the stage holds. */
    HeldMissingData,
    /** The trigger fires within the cooldown of the last stage change. */
    HeldCooldown,
    /** The trigger fires at spec.maxStage. */
    HeldMaxStage
}
