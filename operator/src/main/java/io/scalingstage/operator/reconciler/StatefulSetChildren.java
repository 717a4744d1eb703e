package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.Labels;
import io.scalingstage.operator.desired.Shards;

@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class StatefulSetChildren extends ChildrenDependent<StatefulSet> {

    public StatefulSetChildren() {
        super(StatefulSet.class);
    }

    /**
     * A StatefulSet's claim templates are immutable: a changed database.storage applies to shards created later, and
     * an existing shard keeps the volume size and class it was made with.
     */
    @Override
    StatefulSet keepFromLive(StatefulSet desired, StatefulSet live) {
        for (PersistentVolumeClaim template : desired.getSpec().getVolumeClaimTemplates()) {
            live.getSpec().getVolumeClaimTemplates().stream()
                    .filter(made -> made.getMetadata().getName().equals(template.getMetadata().getName()))
                    .findFirst()
                    .ifPresent(made -> {
                        template.getSpec().setStorageClassName(made.getSpec().getStorageClassName());
                        template.getSpec().setResources(made.getSpec().getResources());
                    });
        }
        return desired;
    }

    /** A shard's claim is made by the StatefulSet controller and kept by its retention policy: deleted here, on purpose. */
    @Override
    void afterDelete(StatefulSet statefulSet, Context<ScalingStage> context) {
        context.getClient().persistentVolumeClaims().inNamespace(statefulSet.getMetadata().getNamespace())
                .withName(Shards.volumeClaim(statefulSet.getMetadata().getName())).delete();
    }
}
