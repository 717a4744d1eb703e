package io.scalingstage.operator.reconciler;

import java.util.List;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.StagePlan;

/**
 * A stateless child: applied from its pure builder, owned by the ScalingStage and garbage-collected with it.
 *
 * @param <R> the child's kind
 */
abstract class OwnedDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, ScalingStage> {

    private final Function<StagePlan, R> builder;

    OwnedDependent(Class<R> type, Function<StagePlan, R> builder) {
        super(type);
        this.builder = builder;
    }

    @Override
    protected R desired(ScalingStage primary, Context<ScalingStage> context) {
        return builder.apply(ReconcileState.of(context).plan());
    }

    /**
     * A controller reference, as Kubernetes' own controllers set it: {@code kubectl}, Argo CD and the garbage
     * collector read {@code controller: true} as "this object manages that one".
     */
    @Override
    protected void addReferenceHandlingMetadata(R desired, ScalingStage primary) {
        desired.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion(primary.getApiVersion())
                .withKind(primary.getKind())
                .withName(primary.getMetadata().getName())
                .withUid(primary.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build()));
    }
}
