package io.scalingstage.operator.reconciler;

import io.scalingstage.operator.api.cnpg.Pooler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;

import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.desired.Labels;

@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class PoolerChildren extends ChildrenDependent<Pooler> {

    public PoolerChildren() {
        super(Pooler.class);
    }
}
