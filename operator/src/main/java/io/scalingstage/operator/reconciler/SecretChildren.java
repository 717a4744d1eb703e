package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.desired.Labels;

/**
 * Generated passwords are made once: an existing Secret keeps its data, while its labels and owner follow the stage
 * (Redis's Secret holds data only while Redis persists). JOSDK creates with resourceVersion 1, so a create can never
 * overwrite a Secret the informer did not see.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class SecretChildren extends ChildrenDependent<Secret> {

    public SecretChildren() {
        super(Secret.class);
    }

    @Override
    Secret keepFromLive(Secret desired, Secret live) {
        desired.setData(live.getData());
        return desired;
    }
}
