package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.BulkUpdater;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;

/**
 * Children that follow the spec: changed by server-side apply when they differ from the desired state.
 *
 * @param <R> the kind
 */
abstract class UpdatedChildrenDependent<R extends HasMetadata> extends ChildrenDependent<R> implements BulkUpdater<R, ScalingStage> {

    UpdatedChildrenDependent(Class<R> type) {
        super(type);
    }
}
