package io.scalingstage.operator.desired;

import java.util.LinkedHashMap;
import java.util.Map;

import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The labels every object the operator creates carries, and the ones that select a component's pods. */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String OPERATOR = "scalingstage-operator";
    /** The operator's informers see only objects with this label, so the cluster's other objects cost nothing. */
    public static final String MANAGED_BY_SELECTOR = MANAGED_BY + "=" + OPERATOR;

    private Labels() {
    }

    /** The labels of an object the operator manages. */
    public static Map<String, String> of(StagePlan plan, Component component) {
        Map<String, String> labels = new LinkedHashMap<>(selector(plan, component));
        labels.put(MANAGED_BY, OPERATOR);
        return labels;
    }

    /** The labels that select a component's pods; stable, because a Deployment's selector is immutable. */
    public static Map<String, String> selector(StagePlan plan, Component component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE, plan.name());
        labels.put(COMPONENT, component.displayName());
        return labels;
    }
}
