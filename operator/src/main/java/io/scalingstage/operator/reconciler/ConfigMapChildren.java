package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.desired.Labels;

@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ConfigMapChildren extends ChildrenDependent<ConfigMap> {

    public ConfigMapChildren() {
        super(ConfigMap.class);
    }
}
