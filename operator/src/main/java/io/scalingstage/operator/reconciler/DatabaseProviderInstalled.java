package io.scalingstage.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;

/**
 * Activation condition of every CloudNativePG dependent. An activation condition (unlike a reconcile precondition)
 * never deletes: when CloudNativePG is missing the dependent is left alone, and its informer is only started once the
 * API exists.
 */
public class DatabaseProviderInstalled implements Condition<Object, ScalingStage> {

    @Override
    public boolean isMet(DependentResource<Object, ScalingStage> dependentResource, ScalingStage primary,
            Context<ScalingStage> context) {
        return ReconcileState.of(context).databaseProviderInstalled();
    }
}
