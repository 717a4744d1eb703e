package io.scalingstage.operator.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * What a source answered for the steps from {@code end - length} to {@code end}, one sample per {@code step}, or the
 * problem that kept it from answering. A single point is a window of length zero. Only a complete window, with a
 * finite sample at every step, is evidence; anything less is Unknown, never zero.
 */
public record Window(Instant end, Duration length, Duration step, List<Sample> samples, Problem failure) {

    public Window {
        samples = List.copyOf(samples);
    }

    public static Window of(Instant end, Duration length, Duration step, List<Sample> samples) {
        return new Window(end, length, step, samples, null);
    }

    public static Window failed(Instant end, Duration length, Duration step, Problem failure) {
        return new Window(end, length, step, List.of(), failure);
    }

    /** The samples a complete window has: one at each step, both ends included. */
    public int expected() {
        return length.isZero() ? 1 : (int) (length.toMillis() / step.toMillis()) + 1;
    }

    public boolean complete() {
        return problem().isEmpty();
    }

    /** Why this window is not evidence, if it is not. */
    public Optional<Problem> problem() {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (samples.isEmpty()) {
            return Optional.of(new Problem(Problem.NO_DATA, "the query returned no data"));
        }
        if (samples.stream().anyMatch(sample -> !sample.finite())) {
            return Optional.of(new Problem(Problem.NOT_A_NUMBER, "the query returned a value that is not a finite number"));
        }
        if (samples.size() < expected()) {
            return Optional.of(new Problem(Problem.INCOMPLETE_WINDOW, "the data has gaps: not every "
                    + step.toMillis() / 1000.0 + "s step of the window has a sample"));
        }
        return Optional.empty();
    }

    public OptionalDouble min() {
        return finiteValues().min();
    }

    public OptionalDouble max() {
        return finiteValues().max();
    }

    /** The newest finite sample. */
    public OptionalDouble last() {
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).finite()) {
                return OptionalDouble.of(samples.get(i).value());
            }
        }
        return OptionalDouble.empty();
    }

    public int present() {
        return (int) samples.stream().filter(Sample::finite).count();
    }

    private DoubleStream finiteValues() {
        return samples.stream().filter(Sample::finite).mapToDouble(Sample::value);
    }
}
