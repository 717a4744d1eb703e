package io.scalingstage.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.Labels;

/**
 * Created once, never changed: a generated password must survive every reconcile, so an existing Secret always
 * matches. (JOSDK 5.3.2 treats every bulk dependent as updatable, so create-only is expressed through the match.)
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.TRUE, informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class SecretChildren extends ChildrenDependent<Secret> {

    public SecretChildren() {
        super(Secret.class);
    }

    @Override
    public Matcher.Result<Secret> match(Secret actual, Secret desired, ScalingStage primary, Context<ScalingStage> context) {
        return Matcher.Result.nonComputed(true);
    }
}
