package io.scalingstage.operator.promotion;

/** Where the current stage's exit trigger stands. */
public enum TriggerState {
    /** No evaluation of this trigger has arrived yet. */
    NotEvaluated,
    /** Not every sample of the window exceeds the threshold. */
    Below,
    /** Fired, and held until a sample falls under 90% of the threshold: the hysteresis. */
    Firing,
    /** The window is not complete evidence. */
    Unknown,
    /** No metric leads out of this stage. */
    None
}
