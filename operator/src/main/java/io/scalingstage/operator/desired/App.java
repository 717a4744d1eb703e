package io.scalingstage.operator.desired;

import static io.scalingstage.operator.plan.Component.APP;
import static io.scalingstage.operator.plan.Component.AUTOSCALER;
import static io.scalingstage.operator.plan.Component.DATABASE;
import static io.scalingstage.operator.plan.Component.DATABASE_ISOLATION;
import static io.scalingstage.operator.plan.Component.LOAD_BALANCING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.scalingstage.operator.api.v1alpha1.AppEnvVar;
import io.scalingstage.operator.api.v1alpha1.AppEnvVarSource;
import io.scalingstage.operator.api.v1alpha1.AppSpec;
import io.scalingstage.operator.plan.StagePlan;

/**
 * The application: its workload at the plan's stage, wired to every data tier the stage runs, and its own
 * variables.
 */
public final class App {

    public static final String CONTAINER = "app";

    private App() {
    }

    public static WebWorkload workload(StagePlan plan) {
        AppSpec app = plan.resource().getSpec().getApp();
        Connections connections = Connections.all(plan);
        return new WebWorkload(plan, APP, Names.app(plan), CONTAINER, Labels.selector(plan, APP), app.getImage(),
                app.getPort(), null, app.getHealthPath(), env(connections, app), app.getResources(), app.getReplicas(),
                plan.has(LOAD_BALANCING), plan.has(AUTOSCALER), affinity(plan), connections.volumes(), connections.mounts());
    }

    /** Stage 1 keeps the app beside its database; from stage 2 they prefer separate nodes. */
    private static Affinity affinity(StagePlan plan) {
        Map<String, String> database = Labels.selector(plan, DATABASE);
        return plan.has(DATABASE_ISOLATION)
                ? new AffinityBuilder().withPodAntiAffinity(Scheduling.apart(database)).build()
                : new AffinityBuilder().withPodAffinity(Scheduling.near(database)).build();
    }

    /** The operator's variables first, so the user's own may refer to them as $(DATABASE_URL). */
    static List<EnvVar> env(Connections connections, AppSpec app) {
        List<EnvVar> env = new ArrayList<>(connections.env());
        if (app.getEnv() != null) {
            app.getEnv().stream().map(App::envVar).forEach(env::add);
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
