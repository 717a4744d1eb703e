package io.scalingstage.operator.plan;

import java.util.function.Function;

import io.scalingstage.operator.api.v1alpha1.ComponentMode;
import io.scalingstage.operator.api.v1alpha1.ComponentOverrides;

/** A part of the topology, the stage that earns it, and the spec field that can override it. */
public enum Component {
    APP(Stage.ONE_BOX, null),
    DATABASE(Stage.ONE_BOX, null),
    /** The database on a node of its own, with guaranteed resources. */
    DATABASE_ISOLATION(Stage.SPLIT_TIERS, null),
    INGRESS(Stage.SPLIT_TIERS, ComponentOverrides::getIngress),
    /** Several app replicas, zero-downtime rollouts, a PodDisruptionBudget and topology spread. */
    LOAD_BALANCING(Stage.LOAD_BALANCED, null),
    EDGE(Stage.STATIC_EDGE, ComponentOverrides::getEdge),
    CACHE(Stage.CACHE, ComponentOverrides::getCache),
    AUTOSCALER(Stage.CACHE, ComponentOverrides::getAutoscaler),
    POOLER(Stage.CACHE, ComponentOverrides::getPooler),
    READ_REPLICAS(Stage.READ_REPLICAS, ComponentOverrides::getReadReplicas),
    SHARDS(Stage.SHARDED, ComponentOverrides::getShards),
    SERVICES(Stage.DISTRIBUTED, ComponentOverrides::getServices);

    private final Stage earnedAt;
    private final Function<ComponentOverrides, ComponentMode> override;

    Component(Stage earnedAt, Function<ComponentOverrides, ComponentMode> override) {
        this.earnedAt = earnedAt;
        this.override = override;
    }

    /** The stage from which this component exists without an override. */
    public Stage earnedAt() {
        return earnedAt;
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
