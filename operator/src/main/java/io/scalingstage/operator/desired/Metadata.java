package io.scalingstage.operator.desired;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The metadata of every object the operator creates: its name, the ScalingStage's namespace, the component's labels. */
public final class Metadata {

    private Metadata() {
    }

    public static ObjectMeta of(StagePlan plan, Component component, String name) {
        return of(plan, component, name, false);
    }

    public static ObjectMeta of(StagePlan plan, Component component, String name, boolean holdsData) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(plan.namespace())
                .withLabels(Labels.of(plan, component, holdsData))
                .build();
    }

    /** Metadata with extra labels, for the members of a component (one shard, one service). */
    public static ObjectMeta of(StagePlan plan, Component component, String name, boolean holdsData, Map<String, String> extra) {
        ObjectMeta metadata = of(plan, component, name, holdsData);
        metadata.getLabels().putAll(extra);
        return metadata;
    }
}
