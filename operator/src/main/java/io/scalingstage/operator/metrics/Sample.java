package io.scalingstage.operator.metrics;

import java.time.Instant;

/**
 * One point of a metric as its source reported it, NaN and infinities included: whether such a value counts is the
 * window's judgement, never the source's.
 */
public record Sample(Instant time, double value) {

    public boolean finite() {
        return Double.isFinite(value);
    }
}
