package io.scalingstage.operator.reconciler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.BulkUpdater;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.Labels;
import io.scalingstage.operator.plan.StagePlan;

/**
 * All the children of one kind: the topology's objects of that kind are applied (server-side, only when they differ
 * from the live ones), the ones the stage no longer has are deleted, except those that hold data while retention is
 * Retain. Stateless children carry a controller reference
 * and go with their ScalingStage; data-bearing ones carry none, so nothing but this class ever deletes them.
 *
 * @param <R> the kind
 */
abstract class ChildrenDependent<R extends HasMetadata> extends KubernetesDependentResource<R, ScalingStage>
        implements KubernetesBulkDependentResource<R, ScalingStage>, Creator<R, ScalingStage>, BulkUpdater<R, ScalingStage>,
        Deleter<ScalingStage> {

    ChildrenDependent(Class<R> type) {
        super(type);
    }

    /** The topology's objects of this kind, each merged with what of its live copy must survive the apply. */
    @Override
    public Map<ResourceID, R> desiredResources(ScalingStage primary, Context<ScalingStage> context) {
        Map<ResourceID, R> desired = ReconcileState.of(context).desired(resourceType());
        desired.replaceAll((id, object) -> eventSource().orElseThrow().get(id)
                .map(live -> keepFromLive(object, requireOwnedBy(primary, live)))
                .orElse(object));
        return desired;
    }

    /** What of the live object this apply must keep; nothing, unless a kind says otherwise. */
    R keepFromLive(R desired, R live) {
        return desired;
    }

    /** Two ScalingStages whose names make the same child name (shop's edge and a ScalingStage named shop-edge) would overwrite each other. */
    private static <R extends HasMetadata> R requireOwnedBy(ScalingStage primary, R live) {
        String owner = live.getMetadata().getLabels().get(Labels.INSTANCE);
        if (!primary.getMetadata().getName().equals(owner)) {
            throw new IllegalStateException(live.getKind() + " " + live.getMetadata().getName() + " belongs to ScalingStage "
                    + owner + ": rename one of the two, their objects' names collide");
        }
        return live;
    }

    @Override
    public Map<ResourceID, R> getSecondaryResources(ScalingStage primary, Context<ScalingStage> context) {
        return eventSource().orElseThrow().getSecondaryResources(primary).stream()
                .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
    }

    /** Called for children the stage no longer has, and for every child when the ScalingStage is deleted. */
    @Override
    public void deleteTargetResource(ScalingStage primary, R resource, ResourceID key, Context<ScalingStage> context) {
        if (Labels.holdsData(resource) && StagePlan.of(primary).retainsData()) {
            return;
        }
        context.getClient().resource(resource).delete();
        afterDelete(resource, context);
    }

    /** What else goes with a deleted child; nothing, unless a kind says otherwise. */
    void afterDelete(R resource, Context<ScalingStage> context) {
    }

    /** A controller reference, as Kubernetes' own controllers set it, on stateless children only. */
    @Override
    protected void addReferenceHandlingMetadata(R desired, ScalingStage primary) {
        if (!Labels.holdsData(desired)) {
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

    @Override
    protected Optional<SecondaryToPrimaryMapper<R>> getSecondaryToPrimaryMapper(EventSourceContext<ScalingStage> context) {
        return Optional.of(toScalingStage());
    }

    /** Every child, owned or not, names its ScalingStage in its instance label, in the same namespace. */
    static <R extends HasMetadata> SecondaryToPrimaryMapper<R> toScalingStage() {
        return Mappers.fromLabel(Labels.INSTANCE, null, ScalingStage.class);
    }
}
