package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.scalingstage.operator.api.v1alpha1.AppEnvVar;
import io.scalingstage.operator.api.v1alpha1.AppEnvVarSource;
import io.scalingstage.operator.api.v1alpha1.AppSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The application's Deployment. */
public final class AppDeployment {

    static final String CONTAINER = "app";
    static final String PORT_NAME = "http";

    private AppDeployment() {
    }

    public static Deployment desired(StagePlan plan) {
        AppSpec app = plan.resource().getSpec().getApp();
        return new DeploymentBuilder()
                .withMetadata(Metadata.of(plan, Component.APP, Names.app(plan)))
                .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector().withMatchLabels(Labels.selector(plan, Component.APP)).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(Labels.of(plan, Component.APP)).endMetadata()
                        .withNewSpec()
                            // The app talks HTTP and Postgres, never the Kubernetes API.
                            .withAutomountServiceAccountToken(false)
                            .withSecurityContext(PodSecurity.restrictedPod())
                            .addNewContainer()
                                .withName(CONTAINER)
                                .withImage(app.getImage())
                                .addNewPort()
                                    .withName(PORT_NAME)
                                    .withContainerPort(app.getPort())
                                    .withProtocol("TCP")
                                .endPort()
                                .withEnv(env(plan, app))
                                .withNewReadinessProbe()
                                    .withNewHttpGet()
                                        .withPath(app.getHealthPath())
                                        .withPort(new IntOrString(PORT_NAME))
                                    .endHttpGet()
                                    .withPeriodSeconds(5)
                                    .withFailureThreshold(3)
                                .endReadinessProbe()
                                .withResources(Resources.of(app.getResources()))
                                .withSecurityContext(PodSecurity.restrictedContainer())
                            .endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The operator's variables first, so the user's own may refer to them as $(DATABASE_URL). */
    private static List<EnvVar> env(StagePlan plan, AppSpec app) {
        List<EnvVar> env = new ArrayList<>();
        // CloudNativePG's app Secret holds the full connection URI; the app reads it by reference, never a copy.
        env.add(new EnvVarBuilder()
                .withName("DATABASE_URL")
                .withNewValueFrom()
                    .withNewSecretKeyRef().withName(Names.databaseAppSecret(plan)).withKey("uri").endSecretKeyRef()
                .endValueFrom()
                .build());
        if (app.getEnv() != null) {
            app.getEnv().stream().map(AppDeployment::envVar).forEach(env::add);
        }
        return env;
    }

    private static EnvVar envVar(AppEnvVar variable) {
        return new EnvVarBuilder()
                .withName(variable.getName())
                .withValue(variable.getValue())
                .withValueFrom(source(variable.getValueFrom()))
                .build();
    }

    private static EnvVarSource source(AppEnvVarSource source) {
        if (source == null) {
            return null;
        }
        EnvVarSourceBuilder builder = new EnvVarSourceBuilder();
        if (source.getSecretKeyRef() != null) {
            builder.withNewSecretKeyRef()
                    .withName(source.getSecretKeyRef().getName())
                    .withKey(source.getSecretKeyRef().getKey())
                    .withOptional(source.getSecretKeyRef().getOptional())
                    .endSecretKeyRef();
        }
        if (source.getConfigMapKeyRef() != null) {
            builder.withNewConfigMapKeyRef()
                    .withName(source.getConfigMapKeyRef().getName())
                    .withKey(source.getConfigMapKeyRef().getKey())
                    .withOptional(source.getConfigMapKeyRef().getOptional())
                    .endConfigMapKeyRef();
        }
        if (source.getFieldRef() != null) {
            // apiVersion is what the API server would default; setting it keeps the applied object equal to the live one.
            builder.withNewFieldRef().withApiVersion("v1").withFieldPath(source.getFieldRef().getFieldPath()).endFieldRef();
        }
        return builder.build();
    }
}
