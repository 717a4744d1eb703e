package io.scalingstage.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Instant END = Instant.parse("2026-11-25T10:00:10Z");
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aWindowExpectsASampleAtBothEndsAndEveryStep() {
        assertThat(Window.of(END, TEN_SECONDS, SECOND, List.of()).expected()).isEqualTo(11);
        assertThat(Window.of(END, Duration.ofMillis(10_500), SECOND, List.of()).expected()).isEqualTo(11);
        assertThat(Window.of(END, Duration.ZERO, Duration.ZERO, List.of()).expected()).isEqualTo(1);
    }

    @Test
    void onlyAWindowWithAFiniteSampleAtEveryStepIsComplete() {
        assertThat(window(1, 2, 3).complete()).isTrue();
        assertThat(window(1, 2, 3).min()).hasValue(1);
        assertThat(window(1, 2, 3).max()).hasValue(3);
        assertThat(window(1, 2, 3).last()).hasValue(3);

        assertThat(window(1, 2).problem()).get().extracting(Problem::reason).isEqualTo(Problem.INCOMPLETE_WINDOW);
        assertThat(window().problem()).get().extracting(Problem::reason).isEqualTo(Problem.NO_DATA);
        assertThat(window(1, Double.NaN, 3).problem()).get().extracting(Problem::reason).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(window(1, 2, Double.POSITIVE_INFINITY).problem()).get().extracting(Problem::reason)
                .isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(window(1, 2, Double.NaN).last()).as("NaN is never a value, not even the last").hasValue(2);
    }

    @Test
    void aFailedSourceIsItsOwnProblem() {
        Problem refused = new Problem(Problem.UNREACHABLE, "cannot connect to Prometheus at http://127.0.0.1:1");
        Window failed = Window.failed(END, Duration.ofSeconds(2), SECOND, refused);

        assertThat(failed.problem()).contains(refused);
        assertThat(failed.last()).isEmpty();
    }

    private static Window window(double... values) {
        List<Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(END.minusSeconds(values.length - 1 - i), values[i]));
        }
        return Window.of(END, Duration.ofSeconds(2), SECOND, samples);
    }
}
