package io.scalingstage.operator.plan;

import java.util.function.Function;

import io.scalingstage.operator.api.v1alpha1.ComponentMode;
import io.scalingstage.operator.api.v1alpha1.ComponentOverrides;

/** A part of the topology, the stage that earns it, and the spec field that can override it. */
public enum Component {
    APP(Stage.ONE_BOX, false, null),
    DATABASE(Stage.ONE_BOX, true, null),
    /** The database on a node of its own, with guaranteed resources. */
    DATABASE_ISOLATION(Stage.SPLIT_TIERS, false, null),
    INGRESS(Stage.SPLIT_TIERS, false, ComponentOverrides::getIngress),
    /** Several app replicas, zero-downtime rollouts, a PodDisruptionBudget and topology spread. */
    LOAD_BALANCING(Stage.LOAD_BALANCED, false, null),
    EDGE(Stage.STATIC_EDGE, false, ComponentOverrides::getEdge),
    CACHE(Stage.CACHE, false, ComponentOverrides::getCache),
    AUTOSCALER(Stage.CACHE, false, ComponentOverrides::getAutoscaler),
    POOLER(Stage.CACHE, false, ComponentOverrides::getPooler),
    READ_REPLICAS(Stage.READ_REPLICAS, true, ComponentOverrides::getReadReplicas),
    SHARDS(Stage.SHARDED, true, ComponentOverrides::getShards),
    SERVICES(Stage.DISTRIBUTED, false, ComponentOverrides::getServices);

    private final Stage earnedAt;
    private final boolean holdsData;
    private final Function<ComponentOverrides, ComponentMode> override;

    Component(Stage earnedAt, boolean holdsData, Function<ComponentOverrides, ComponentMode> override) {
        this.earnedAt = earnedAt;
        this.holdsData = holdsData;
        this.override = override;
    }

    /** The stage from which this component exists without an override. */
    public Stage earnedAt() {
        return earnedAt;
    }

    /** Whether removing it would lose data, so that it is kept unless retention is Delete. */
    public boolean holdsData() {
        return holdsData;
    }

    /** The mode the spec sets for this component; components without an override field are always Auto. */
    public ComponentMode mode(ComponentOverrides overrides) {
        if (override == null || overrides == null) {
            return ComponentMode.Auto;
        }
        ComponentMode mode = override.apply(overrides);
        return mode == null ? ComponentMode.Auto : mode;
    }

    /** The component's name as status and conditions show it. */
    public String displayName() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
