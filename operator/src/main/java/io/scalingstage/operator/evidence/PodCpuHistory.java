package io.scalingstage.operator.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.scalingstage.operator.metrics.Sample;
import io.scalingstage.operator.metrics.Window;

/**
 * The window metrics.k8s.io cannot keep: each ScalingStage's pod CPU readings, one per evaluation, for as long as its
 * trigger's window. Read back on the same grid as a Prometheus range query, where a step takes the newest reading of
 * the last one and a half intervals and a failed reading is a gap. Lost on restart: the window then starts over.
 */
final class PodCpuHistory {

    /** How far back a step looks for a reading: evaluations run an interval apart plus the time each one takes. */
    static final double LOOKBACK_INTERVALS = 1.5;

    private final Map<ResourceID, Readings> byResource = new ConcurrentHashMap<>();

    /**
     * Records {@code point} and returns the window ending at it.
     *
     * @param key what the readings are of; a different key starts the window over
     */
    Window record(ResourceID resource, String key, Window point, Duration length, Duration step) {
        Readings readings = byResource.compute(resource, (id, current) -> current == null || !current.key.equals(key)
                ? new Readings(key) : current);
        synchronized (readings) {
            Instant now = point.end();
            readings.samples.addLast(new Sample(now, point.complete() ? point.last().getAsDouble() : Double.NaN));
            Instant horizon = now.minus(length).minusMillis(Math.round(step.toMillis() * LOOKBACK_INTERVALS));
            while (readings.samples.peekFirst().time().isBefore(horizon)) {
                readings.samples.removeFirst();
            }
            if (point.failure() != null) {
                return Window.failed(now, length, step, point.failure());
            }
            return Window.of(now, length, step, onGrid(readings.samples, now, length, step));
        }
    }

    void forget(ResourceID resource) {
        byResource.remove(resource);
    }

    private static List<Sample> onGrid(Deque<Sample> samples, Instant end, Duration length, Duration step) {
        long lookback = Math.round(step.toMillis() * LOOKBACK_INTERVALS);
        List<Sample> readings = new ArrayList<>(samples);
        List<Sample> grid = new ArrayList<>();
        int newest = -1;
        for (Instant at = end.minus(length); !at.isAfter(end); at = at.plus(step)) {
            while (newest + 1 < readings.size() && !readings.get(newest + 1).time().isAfter(at)) {
                newest++;
            }
            if (newest >= 0) {
                Sample reading = readings.get(newest);
                if (reading.finite() && reading.time().isAfter(at.minusMillis(lookback))) {
                    grid.add(new Sample(at, reading.value()));
                }
            }
        }
        return grid;
    }

    private static final class Readings {

        final String key;
        final Deque<Sample> samples = new ArrayDeque<>();

        Readings(String key) {
            this.key = key;
        }
    }
}
