package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.desired.AppDeployment;
import io.scalingstage.operator.desired.Labels;

@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class AppDeploymentDependent extends OwnedDependent<Deployment> {

    public AppDeploymentDependent() {
        super(Deployment.class, AppDeployment::desired);
    }
}
