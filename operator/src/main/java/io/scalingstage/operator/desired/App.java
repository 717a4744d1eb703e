package io.scalingstage.operator.desired;

import static io.scalingstage.operator.plan.Component.APP;
import static io.scalingstage.operator.plan.Component.AUTOSCALER;
import static io.scalingstage.operator.plan.Component.CACHE;
import static io.scalingstage.operator.plan.Component.DATABASE;
import static io.scalingstage.operator.plan.Component.DATABASE_ISOLATION;
import static io.scalingstage.operator.plan.Component.LOAD_BALANCING;
import static io.scalingstage.operator.plan.Component.POOLER;
import static io.scalingstage.operator.plan.Component.READ_REPLICAS;
import static io.scalingstage.operator.plan.Component.SHARDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.scalingstage.operator.api.v1alpha1.AppEnvVar;
import io.scalingstage.operator.api.v1alpha1.AppEnvVarSource;
import io.scalingstage.operator.api.v1alpha1.AppSpec;
import io.scalingstage.operator.plan.StagePlan;

/**
 * The application: its workload at the plan's stage, and how it reaches the database, Redis and the shards. Every
 * credential comes by Secret reference; URLs are composed by the kubelet from variables defined before them.
 */
public final class App {

    public static final String CONTAINER = "app";
    static final String SHARD_MAP_DIRECTORY = "/etc/scalingstage/shard-map";

    private App() {
    }

    public static WebWorkload workload(StagePlan plan) {
        AppSpec app = plan.resource().getSpec().getApp();
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        if (plan.has(SHARDS)) {
            volumes.add(new VolumeBuilder().withName("shard-map")
                    .withNewConfigMap().withName(Names.shardMap(plan)).endConfigMap().build());
            mounts.add(new VolumeMountBuilder().withName("shard-map").withMountPath(SHARD_MAP_DIRECTORY).withReadOnly(true).build());
        }
        return new WebWorkload(plan, APP, Names.app(plan), CONTAINER, Labels.selector(plan, APP), app.getImage(),
                app.getPort(), app.getHealthPath(), env(plan, app), app.getResources(), app.getReplicas(),
                plan.has(LOAD_BALANCING), plan.has(AUTOSCALER), affinity(plan), volumes, mounts);
    }

    /** Stage 1 keeps the app beside its database; from stage 2 they prefer separate nodes. */
    private static Affinity affinity(StagePlan plan) {
        Map<String, String> database = Labels.selector(plan, DATABASE);
        return plan.has(DATABASE_ISOLATION)
                ? new AffinityBuilder().withPodAntiAffinity(Scheduling.apart(database)).build()
                : new AffinityBuilder().withPodAffinity(Scheduling.near(database)).build();
    }

    /** The operator's variables first, so the user's own may refer to them as $(DATABASE_URL). */
    static List<EnvVar> env(StagePlan plan, AppSpec app) {
        List<EnvVar> env = new ArrayList<>();
        String secret = Names.databaseAppSecret(plan);
        boolean composed = plan.has(POOLER) || plan.has(READ_REPLICAS);
        if (composed) {
            env.add(EnvVars.fromSecret("DB_USER", secret, "username"));
            env.add(EnvVars.fromSecret("DB_PASSWORD", secret, "password"));
            env.add(EnvVars.fromSecret("DB_NAME", secret, "dbname"));
        }
        // CloudNativePG's URI points at the primary; through PgBouncer the URL is composed from the same Secret.
        env.add(plan.has(POOLER)
                ? EnvVars.value("DATABASE_URL", postgresUrl(Names.pooler(plan, Poolers.READ_WRITE)))
                : EnvVars.fromSecret("DATABASE_URL", secret, "uri"));
        if (plan.has(READ_REPLICAS)) {
            env.add(EnvVars.value("DATABASE_READ_URL", postgresUrl(plan.has(POOLER)
                    ? Names.pooler(plan, Poolers.READ_ONLY) : Names.databaseReadOnlyService(plan))));
        }
        if (plan.has(CACHE)) {
            env.add(EnvVars.fromSecret("REDIS_PASSWORD", Names.redis(plan), Redis.PASSWORD_KEY));
            env.add(EnvVars.value("REDIS_URL", "redis://:$(REDIS_PASSWORD)@" + Names.redis(plan) + ":" + Redis.PORT + "/0"));
        }
        if (plan.has(SHARDS)) {
            env.add(EnvVars.value("SHARD_MAP", SHARD_MAP_DIRECTORY + "/" + Shards.MAP_KEY));
        }
        if (app.getEnv() != null) {
            app.getEnv().stream().map(App::envVar).forEach(env::add);
        }
        return env;
    }

    /** CloudNativePG generates 64 letters and digits, so the password needs no escaping in a URL. */
    private static String postgresUrl(String host) {
        return "postgresql://$(DB_USER):$(DB_PASSWORD)@" + host + ":" + DatabaseCluster.PORT + "/$(DB_NAME)";
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
