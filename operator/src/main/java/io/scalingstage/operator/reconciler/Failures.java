package io.scalingstage.operator.reconciler;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;

/** A failed reconcile in one line a person can act on: which dependent failed, and the root cause's own words. */
final class Failures {

    /** A condition message is read in kubectl's output: long enough for the cause, not for a stack trace. */
    static final int MAX_LENGTH = 1024;
    /** Client errors a retry gets past: not found (created meanwhile), timeout, conflict, too many requests. */
    private static final Set<Integer> PASSING = Set.of(404, 408, 409, 429);

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

    /**
     * Whether retrying cannot help until someone acts: the API server refused a request as the client's fault (a
     * 4xx: invalid, forbidden, over quota, denied by a webhook), save those that pass by themselves (a conflict, a
     * throttle, a timeout, a missing object that a retry creates). Anything else, an unreachable API server
     * included, may pass.
     */
    static boolean needsPerson(Exception error) {
        Stream<Throwable> failures = error instanceof AggregatedOperatorException aggregated
                ? aggregated.getAggregatedExceptions().values().stream().map(Throwable.class::cast)
                : error.getCause() instanceof AggregatedOperatorException aggregated
                        ? aggregated.getAggregatedExceptions().values().stream().map(Throwable.class::cast)
                        : Stream.of(error);
        return failures.anyMatch(Failures::refusedAsTheClientsFault);
    }

    private static boolean refusedAsTheClientsFault(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof KubernetesClientException refused) {
                int code = refused.getCode();
                return code >= 400 && code < 500 && !PASSING.contains(code);
            }
        }
        return false;
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
    }
}
