package io.scalingstage.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.StagePlan;

/**
 * What one reconcile knows before the workflow runs, computed once in {@code initContext} and read by every
 * dependent and condition, so they all act on the same plan.
 *
 * @param plan the components of the effective stage
 * @param databaseProviderInstalled whether the API server serves CloudNativePG's Cluster and Pooler
 */
public record ReconcileState(StagePlan plan, boolean databaseProviderInstalled) {

    private static final String KEY = ReconcileState.class.getName();

    void storeIn(Context<ScalingStage> context) {
        context.managedWorkflowAndDependentResourceContext().put(KEY, this);
    }

    public static ReconcileState of(Context<ScalingStage> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, ReconcileState.class);
    }
}
