package io.scalingstage.operator.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.metrics.Sample;
import io.scalingstage.operator.metrics.Window;

class PodCpuHistoryTest {

    private static final ResourceID SHOP = new ResourceID("shop", "shop-ns");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final Duration STEP = Duration.ofSeconds(1);

    private final PodCpuHistory history = new PodCpuHistory();

    @Test
    void readingsAnIntervalApartFillTheWindowOnceItHasPassed() {
        Window window = null;
        for (int i = 0; i <= 4; i++) {
            // Evaluations drift: each starts an interval after the last one ended.
            Instant at = T0.plusMillis(i * 1_030L);
            window = history.record(SHOP, "cpu", reading(at, 0.5 + i / 10.0), WINDOW, STEP);
            assertThat(window.complete()).as("after %d readings", i + 1).isEqualTo(i == 4);
        }
        assertThat(window.samples()).extracting(Sample::value).containsExactly(0.5, 0.6, 0.7, 0.8, 0.9);
    }

    @Test
    void aFailedReadingIsAGapUntilItLeavesTheWindow() {
        for (int i = 0; i <= 4; i++) {
            history.record(SHOP, "cpu", reading(T0.plusSeconds(i), 0.8), WINDOW, STEP);
        }
        Window failed = history.record(SHOP, "cpu", Window.failed(T0.plusSeconds(5), Duration.ZERO, Duration.ZERO,
                new Problem(Problem.UNREACHABLE, "metrics.k8s.io failed")), WINDOW, STEP);
        assertThat(failed.problem()).get().extracting(Problem::reason).isEqualTo(Problem.UNREACHABLE);

        for (int i = 6; i <= 9; i++) {
            assertThat(history.record(SHOP, "cpu", reading(T0.plusSeconds(i), 0.8), WINDOW, STEP).complete())
                    .as("reading %d", i).isFalse();
        }
        assertThat(history.record(SHOP, "cpu", reading(T0.plusSeconds(10), 0.8), WINDOW, STEP).complete()).isTrue();
    }

    @Test
    void aPauseLongerThanTheLookbackIsAGap() {
        history.record(SHOP, "cpu", reading(T0, 0.8), WINDOW, STEP);
        history.record(SHOP, "cpu", reading(T0.plusSeconds(1), 0.8), WINDOW, STEP);
        Window window = history.record(SHOP, "cpu", reading(T0.plusSeconds(4), 0.8), WINDOW, STEP);

        assertThat(window.samples()).as("a step takes a reading up to 1.5 intervals old, no older").extracting(Sample::time)
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(4));
        assertThat(window.complete()).isFalse();
    }

    @Test
    void anotherTriggerStartsTheWindowOver() {
        for (int i = 0; i <= 4; i++) {
            history.record(SHOP, "cpu", reading(T0.plusSeconds(i), 0.8), WINDOW, STEP);
        }
        assertThat(history.record(SHOP, "other", reading(T0.plusSeconds(5), 0.8), WINDOW, STEP).samples()).hasSize(1);
    }

    private static Window reading(Instant at, double value) {
        return Window.of(at, Duration.ZERO, Duration.ZERO, List.of(new Sample(at, value)));
    }
}
