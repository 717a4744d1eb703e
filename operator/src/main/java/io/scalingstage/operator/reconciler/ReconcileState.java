package io.scalingstage.operator.reconciler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.promotion.Promotion;

/**
 * What one reconcile knows before the workflow runs, computed once in {@code initContext} and read by every
 * dependent and condition, so they all act on the same plan.
 *
 * @param plan the components of the effective stage
 * @param topology every object of the stage but the CloudNativePG Cluster, in the order the status lists them
 * @param databaseProviderInstalled whether the API server serves CloudNativePG's Cluster and Pooler
 * @param promotion the promotion decided before the plan, which builds the stage it decided on
 */
public record ReconcileState(StagePlan plan, List<HasMetadata> topology, boolean databaseProviderInstalled,
        Promotion promotion) {

    private static final String KEY = ReconcileState.class.getName();

    void storeIn(Context<ScalingStage> context) {
        context.managedWorkflowAndDependentResourceContext().put(KEY, this);
    }

    public static ReconcileState of(Context<ScalingStage> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, ReconcileState.class);
    }

    /** The state, if {@code initContext} got as far as storing it. */
    static Optional<ReconcileState> find(Context<ScalingStage> context) {
        return context.managedWorkflowAndDependentResourceContext().get(KEY, ReconcileState.class);
    }

    /** The desired objects of one kind, keyed as JOSDK's bulk dependents key them. */
    <R extends HasMetadata> Map<ResourceID, R> desired(Class<R> kind) {
        Map<ResourceID, R> objects = new LinkedHashMap<>();
        topology.stream().filter(kind::isInstance).map(kind::cast)
                .forEach(object -> objects.put(ResourceID.fromResource(object), object));
        return objects;
    }
}
