package io.scalingstage.operator.reconciler;

import java.util.Optional;
import java.util.OptionalInt;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.DatabaseCluster;
import io.scalingstage.operator.desired.Labels;
import io.scalingstage.operator.desired.Names;
import io.scalingstage.operator.plan.StagePlan;

/**
 * The CloudNativePG Cluster. It holds the data, so it carries no owner reference: deleting the ScalingStage never
 * cascades to it, and only retention Delete makes the operator delete it (CloudNativePG then deletes its volumes).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class DatabaseClusterDependent extends KubernetesDependentResource<Cluster, ScalingStage>
        implements Creator<Cluster, ScalingStage>, Updater<Cluster, ScalingStage>, Deleter<ScalingStage> {

    public DatabaseClusterDependent() {
        super(Cluster.class);
    }

    /** Reads the live Cluster from the informer's cache by name: JOSDK finds secondaries through the desired state. */
    @Override
    protected Cluster desired(ScalingStage primary, Context<ScalingStage> context) {
        StagePlan plan = ReconcileState.of(context).plan();
        OptionalInt liveInstances = eventSource()
                .flatMap(cache -> cache.get(new ResourceID(Names.database(plan), plan.namespace())))
                .map(live -> OptionalInt.of(live.getSpec().getInstances())).orElse(OptionalInt.empty());
        return DatabaseCluster.desired(plan, liveInstances);
    }

    @Override
    protected void handleDelete(ScalingStage primary, Cluster secondary, Context<ScalingStage> context) {
        if (!StagePlan.of(primary).retainsData()) {
            super.handleDelete(primary, secondary, context);
        }
    }

    /** No owner reference and no annotations: the instance label links it back. */
    @Override
    protected void addReferenceHandlingMetadata(Cluster desired, ScalingStage primary) {
    }

    @Override
    protected Optional<SecondaryToPrimaryMapper<Cluster>> getSecondaryToPrimaryMapper(EventSourceContext<ScalingStage> context) {
        return Optional.of(ChildrenDependent.toScalingStage());
    }
}
