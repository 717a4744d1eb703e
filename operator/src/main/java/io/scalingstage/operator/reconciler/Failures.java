package io.scalingstage.operator.reconciler;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.javaoperatorsdk.operator.AggregatedOperatorException;

/** A failed reconcile in one line a person can act on: which dependent failed, and the root cause's own words. */
final class Failures {

    /** A condition message is read in kubectl's output: long enough for the cause, not for a stack trace. */
    static final int MAX_LENGTH = 1024;

    private Failures() {
    }

    static String describe(Exception error) {
        Throwable top = error instanceof AggregatedOperatorException ? error : error.getCause();
        String description = top instanceof AggregatedOperatorException aggregated
                ? aggregated.getAggregatedExceptions().entrySet().stream()
                        .map((Map.Entry<String, Exception> failed) -> failed.getKey() + ": " + rootCause(failed.getValue()))
                        .collect(Collectors.joining("; "))
                : rootCause(error);
        return description.length() <= MAX_LENGTH ? description : description.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
    }
}
