package io.scalingstage.operator.desired;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The labels every object the operator creates carries, and the ones that select a component's pods. */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    /** On objects whose removal would lose data, or expose it (a policy guarding it): kept unless retention is Delete. */
    public static final String HOLDS_DATA = "scalingstage.io/holds-data";
    /** Tells the pods of one shard or one split-out service from their siblings. */
    public static final String MEMBER = "scalingstage.io/member";
    public static final String OPERATOR = "scalingstage-operator";
    /** The operator's informers see only objects with this label, so the cluster's other objects cost nothing. */
    public static final String MANAGED_BY_SELECTOR = MANAGED_BY + "=" + OPERATOR;

    private Labels() {
    }

    /** The labels of an object the operator manages. */
    public static Map<String, String> of(StagePlan plan, Component component, boolean holdsData) {
        Map<String, String> labels = new LinkedHashMap<>(selector(plan, component));
        labels.put(MANAGED_BY, OPERATOR);
        if (holdsData) {
            labels.put(HOLDS_DATA, "true");
        }
        return labels;
    }

    /** The labels that select a component's pods; stable, because a Deployment's selector is immutable. */
    public static Map<String, String> selector(StagePlan plan, Component component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE, plan.name());
        labels.put(COMPONENT, component.displayName());
        return labels;
    }

    /** The selector of one member (a shard, a service) of a component. */
    public static Map<String, String> selector(StagePlan plan, Component component, String member) {
        Map<String, String> labels = selector(plan, component);
        labels.put(MEMBER, member);
        return labels;
    }

    /** The labels of a component's pods: those of any managed object, and the selector that picks them. */
    public static Map<String, String> pod(StagePlan plan, Component component, Map<String, String> selector) {
        Map<String, String> labels = of(plan, component, false);
        labels.putAll(selector);
        return labels;
    }

    public static boolean holdsData(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(HOLDS_DATA));
    }
}
