package io.scalingstage.operator.desired;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The metadata of every object the operator creates: its name, the ScalingStage's namespace, the component's labels. */
public final class Metadata {

    private Metadata() {
    }

    public static ObjectMeta of(StagePlan plan, Component component, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(plan.namespace())
                .withLabels(Labels.of(plan, component))
                .build();
    }
}
