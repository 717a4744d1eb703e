package io.scalingstage.operator.promotion;

import java.time.Duration;

import io.scalingstage.operator.metrics.Window;

/**
 * The highest value the exit trigger of the stage below reached over a long span. Far under its threshold for that
 * long, it says the current stage is more than the load needs: the essays' expensive mistake, reported, never acted on.
 *
 * @param peak the maximum over {@code span}, a window of length zero; incomplete data gives no peak
 */
public record Headroom(Trigger below, Duration span, Window peak) {

    /** "Far under": below half the threshold, well clear of the 90% where a fired trigger resets. */
    public static final double FAR_UNDER = 0.5;

    /** How many of the stage below's windows the span covers. */
    public static final int WINDOWS = 6;

    public static Duration spanOf(Trigger below) {
        return below.window().multipliedBy(WINDOWS);
    }

    public boolean overProvisioned() {
        return peak.complete() && peak.last().orElse(Double.NaN) < FAR_UNDER * below.threshold();
    }
}
