package io.scalingstage.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Update loops in an audit log: an object the operator wrote more than {@value #MAX_WRITES} times within
 * {@link #WINDOW} while no ScalingStage of its namespace had its spec changed from {@link #WINDOW} before the first of
 * those writes on. A ScalingStage's status may also follow a topology change (a promotion changes the stage without a
 * spec change, and readiness then moves for a while): status writes are excused by the operator's writes to children in
 * that window too. An operator that fights another writer, or keeps rewriting what it already wrote, shows up here.
 */
public final class UpdateLoops {

    static final int MAX_WRITES = 5;
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** The operator's ServiceAccount in the tests (scalingstage-operator) and in the chart ([release-]scalingstage-operator). */
    private static final Pattern OPERATOR = Pattern.compile("system:serviceaccount:[^:]+:([a-z0-9-]+-)?scalingstage-operator");

    private UpdateLoops() {
    }

    /** One description per loop found; empty when there is none. */
    public static List<String> find(List<AuditLog.Event> events) {
        Map<String, List<Instant>> writes = new LinkedHashMap<>();
        Map<String, List<Instant>> specChanges = new LinkedHashMap<>();
        Map<String, List<Instant>> topologyChanges = new LinkedHashMap<>();
        for (AuditLog.Event event : events) {
            if (!event.isWrite() || event.code() >= 400) {
                continue;
            }
            boolean byOperator = OPERATOR.matcher(event.user()).matches();
            if (!byOperator && event.resource().equals("scalingstages") && event.subresource().isEmpty()) {
                specChanges.computeIfAbsent(event.namespace(), ns -> new ArrayList<>()).add(event.time());
            }
            if (byOperator && (event.verb().equals("update") || event.verb().equals("patch"))
                    && !event.resource().equals("events") && !event.resource().equals("leases")) {
                String key = event.resource() + (event.subresource().isEmpty() ? "" : "/" + event.subresource()) + " "
                        + event.namespace() + "/" + event.name();
                writes.computeIfAbsent(key, k -> new ArrayList<>()).add(event.time());
                if (!event.resource().equals("scalingstages")) {
                    topologyChanges.computeIfAbsent(event.namespace(), ns -> new ArrayList<>()).add(event.time());
                }
            }
        }
        List<String> loops = new ArrayList<>();
        writes.forEach((key, times) -> {
            String namespace = key.substring(key.indexOf(' ') + 1, key.indexOf('/', key.indexOf(' ')));
            List<Instant> changes = new ArrayList<>(specChanges.getOrDefault(namespace, List.of()));
            if (key.startsWith("scalingstages/status ")) {
                changes.addAll(topologyChanges.getOrDefault(namespace, List.of()));
            }
            for (int last = MAX_WRITES; last < times.size(); last++) {
                Instant first = times.get(last - MAX_WRITES);
                Instant end = times.get(last);
                if (Duration.between(first, end).compareTo(WINDOW) <= 0
                        && changes.stream().noneMatch(c -> !c.isBefore(first.minus(WINDOW)) && !c.isAfter(end))) {
                    loops.add(key + ": " + (MAX_WRITES + 1) + " writes by the operator from " + first + " to " + end
                            + " with no spec change");
                    return;
                }
            }
        });
        return loops;
    }
}
