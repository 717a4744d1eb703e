package io.scalingstage.operator.desired;

import java.util.Map;

import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAffinityBuilder;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodAntiAffinityBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTermBuilder;

/**
 * Where pods go. Preferences, not requirements: a full node, or a database spread over every node, must never leave
 * a pod unschedulable.
 */
public final class Scheduling {

    public static final String HOSTNAME = "kubernetes.io/hostname";

    private Scheduling() {
    }

    /** Stage 1: on the same node as the pods {@code selector} selects. */
    public static PodAffinity near(Map<String, String> selector) {
        return new PodAffinityBuilder().withPreferredDuringSchedulingIgnoredDuringExecution(onSameNode(selector)).build();
    }

    /** From stage 2: on another node than the pods {@code selector} selects. */
    public static PodAntiAffinity apart(Map<String, String> selector) {
        return new PodAntiAffinityBuilder().withPreferredDuringSchedulingIgnoredDuringExecution(onSameNode(selector)).build();
    }

    /** From stage 3: a workload's pods spread over nodes, so one node going down takes only its share. */
    public static TopologySpreadConstraint spread(Map<String, String> selector) {
        return new TopologySpreadConstraintBuilder()
                .withMaxSkew(1)
                .withTopologyKey(HOSTNAME)
                .withWhenUnsatisfiable("ScheduleAnyway")
                .withNewLabelSelector().withMatchLabels(selector).endLabelSelector()
                .build();
    }

    private static WeightedPodAffinityTerm onSameNode(Map<String, String> selector) {
        return new WeightedPodAffinityTermBuilder()
                .withWeight(100)
                .withNewPodAffinityTerm()
                    .withNewLabelSelector().withMatchLabels(selector).endLabelSelector()
                    .withTopologyKey(HOSTNAME)
                .endPodAffinityTerm()
                .build();
    }
}
