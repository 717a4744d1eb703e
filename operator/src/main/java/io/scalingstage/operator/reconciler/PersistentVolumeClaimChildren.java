package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.desired.Labels;

@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class PersistentVolumeClaimChildren extends ChildrenDependent<PersistentVolumeClaim> {

    public PersistentVolumeClaimChildren() {
        super(PersistentVolumeClaim.class);
    }

    /** A claim's class never changes and its size only grows (where the class allows expansion). */
    @Override
    PersistentVolumeClaim keepFromLive(PersistentVolumeClaim desired, PersistentVolumeClaim live) {
        desired.getSpec().setStorageClassName(live.getSpec().getStorageClassName());
        Quantity wanted = desired.getSpec().getResources().getRequests().get("storage");
        Quantity made = live.getSpec().getResources().getRequests().get("storage");
        if (Quantity.getAmountInBytes(made).compareTo(Quantity.getAmountInBytes(wanted)) > 0) {
            desired.getSpec().getResources().getRequests().put("storage", made);
        }
        return desired;
    }
}
