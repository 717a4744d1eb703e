package io.scalingstage.operator.reconciler;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.DatabaseCluster;
import io.scalingstage.operator.desired.Labels;

/**
 * The CloudNativePG Cluster. Created and updated, never deleted by the workflow and not garbage-collected: it holds
 * the data, so it carries no owner reference (JOSDK links it back through annotations instead) and outlives its
 * ScalingStage.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class DatabaseClusterDependent extends KubernetesDependentResource<Cluster, ScalingStage>
        implements Creator<Cluster, ScalingStage>, Updater<Cluster, ScalingStage> {

    public DatabaseClusterDependent() {
        super(Cluster.class);
    }

    @Override
    protected Cluster desired(ScalingStage primary, Context<ScalingStage> context) {
        return DatabaseCluster.desired(ReconcileState.of(context).plan());
    }
}
