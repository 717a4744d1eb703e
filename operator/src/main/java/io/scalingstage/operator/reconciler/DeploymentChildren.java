package io.scalingstage.operator.reconciler;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.Labels;

@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class DeploymentChildren extends ChildrenDependent<Deployment> {

    /** Holds spec.replicas for the moment the operator stops applying it. */
    static final String REPLICAS_HANDOVER_MANAGER = "scalingstage-operator-replicas-handover";

    public DeploymentChildren() {
        super(Deployment.class);
    }

    /**
     * When an HPA takes over the replica count, the operator's apply stops carrying spec.replicas. Were the operator
     * its only manager, server-side apply would remove the field and the API server would default it to 1, killing
     * the pods the stage just scaled to. So another manager first applies the live count, and keeps it until the HPA
     * writes its own (Kubernetes' documented transfer of field ownership).
     */
    @Override
    public Deployment update(Deployment actual, Deployment desired, ScalingStage primary, Context<ScalingStage> context) {
        if (desired.getSpec().getReplicas() == null && ownsReplicas(actual, context)) {
            Deployment replicasOnly = new Deployment();
            replicasOnly.setMetadata(new ObjectMetaBuilder().withName(actual.getMetadata().getName())
                    .withNamespace(actual.getMetadata().getNamespace()).build());
            DeploymentSpec spec = new DeploymentSpec();
            spec.setReplicas(actual.getSpec().getReplicas());
            replicasOnly.setSpec(spec);
            context.getClient().resource(replicasOnly).patch(new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager(REPLICAS_HANDOVER_MANAGER)
                    .withForce(true)
                    .build());
        }
        return super.update(actual, desired, primary, context);
    }

    private static boolean ownsReplicas(Deployment actual, Context<ScalingStage> context) {
        String manager = context.getControllerConfiguration().fieldManager();
        return actual.getMetadata().getManagedFields().stream()
                .filter(entry -> manager.equals(entry.getManager()) && "Apply".equals(entry.getOperation()))
                .map(ManagedFieldsEntry::getFieldsV1)
                .anyMatch(fields -> fields != null && fields.getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
                        && spec.containsKey("f:replicas"));
    }
}
