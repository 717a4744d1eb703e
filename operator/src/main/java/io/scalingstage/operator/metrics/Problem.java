package io.scalingstage.operator.metrics;

/**
 * Why a source gave no usable value, as a condition reason and one sentence. Messages carry no sampled numbers, so a
 * problem that persists reads the same at every evaluation.
 */
public record Problem(String reason, String message) {

    /** The source answered, but not with data for every step. */
    public static final String INCOMPLETE_WINDOW = "IncompleteWindow";
    /** The source answered with no series at all. */
    public static final String NO_DATA = "NoData";
    /** A sample is NaN or infinite: a division by zero, usually. */
    public static final String NOT_A_NUMBER = "NotANumber";
    /** The newest data is older than the source's own refresh makes plausible. */
    public static final String STALE = "StaleData";
    /** The source could not be reached, or did not answer in time. */
    public static final String UNREACHABLE = "SourceUnreachable";
    /** The source refused the query or answered with something other than one series. */
    public static final String QUERY_FAILED = "QueryFailed";
    /** Nothing could be asked: a setting of the ScalingStage is missing. */
    public static final String NOT_CONFIGURED = "NotConfigured";
}
