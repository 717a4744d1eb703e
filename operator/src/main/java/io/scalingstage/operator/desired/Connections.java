package io.scalingstage.operator.desired;

import static io.scalingstage.operator.plan.Component.POOLER;
import static io.scalingstage.operator.plan.Component.READ_REPLICAS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.scalingstage.operator.api.v1alpha1.Connection;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * How a workload of the user's reaches the data tiers its plan runs: the app is wired to all of them, a split-out service
 * to those it asks for. Every credential comes by Secret reference, never copied; URLs are composed by the kubelet from
 * variables defined before them.
 *
 * @param plan the plan whose tiers are reached
 * @param tiers the tiers wired, only those the plan runs
 */
public record Connections(StagePlan plan, Set<Connection> tiers) {

    static final String SHARD_MAP_VOLUME = "shard-map";

    public Connections {
        tiers = tiers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tiers));
    }

    /** The app's: every tier the plan runs. */
    public static Connections all(StagePlan plan) {
        return of(plan, EnumSet.allOf(Connection.class));
    }

    /** The tiers asked for, less those the plan does not run (their Secrets and Services do not exist). */
    public static Connections of(StagePlan plan, Collection<Connection> asked) {
        Set<Connection> tiers = EnumSet.noneOf(Connection.class);
        asked.stream().filter(tier -> plan.has(component(tier))).forEach(tiers::add);
        return new Connections(plan, tiers);
    }

    public static Component component(Connection tier) {
        return switch (tier) {
            case Database -> Component.DATABASE;
            case Cache -> Component.CACHE;
            case Shards -> Component.SHARDS;
        };
    }

    public boolean has(Connection tier) {
        return tiers.contains(tier);
    }

    public List<EnvVar> env() {
        List<EnvVar> env = new ArrayList<>();
        if (has(Connection.Database)) {
            String secret = Names.databaseAppSecret(plan);
            if (plan.has(POOLER) || plan.has(READ_REPLICAS)) {
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
        }
        if (has(Connection.Cache)) {
            env.add(EnvVars.fromSecret("REDIS_PASSWORD", Names.redis(plan), Redis.PASSWORD_KEY));
            // Redis 6's ACL user of a plain requirepass is "default"; an empty user fails redis-cli -u with WRONGPASS.
            env.add(EnvVars.value("REDIS_URL", "redis://" + Redis.USER + ":$(REDIS_PASSWORD)@" + Names.redis(plan) + ":"
                    + Redis.PORT + "/0"));
        }
        if (has(Connection.Shards)) {
            env.add(EnvVars.value("SHARD_MAP", Shards.MAP_DIRECTORY + "/" + Shards.MAP_KEY));
        }
        return env;
    }

    /** The shard map and, beside it, each shard's credentials in a folder of its name, where the map points. */
    public List<Volume> volumes() {
        if (!has(Connection.Shards)) {
            return List.of();
        }
        List<VolumeProjection> sources = new ArrayList<>();
        sources.add(new VolumeProjectionBuilder().withNewConfigMap().withName(Names.shardMap(plan))
                .addNewItem().withKey(Shards.MAP_KEY).withPath(Shards.MAP_KEY).endItem().endConfigMap().build());
        for (int index = 0; index < Shards.count(plan); index++) {
            String shard = Names.shard(plan, index);
            sources.add(new VolumeProjectionBuilder().withNewSecret().withName(shard)
                    .addNewItem().withKey(Shards.USERNAME_KEY).withPath(shard + "/" + Shards.USERNAME_KEY).endItem()
                    .addNewItem().withKey(Shards.PASSWORD_KEY).withPath(shard + "/" + Shards.PASSWORD_KEY).endItem()
                    .endSecret().build());
        }
        return List.of(new VolumeBuilder().withName(SHARD_MAP_VOLUME).withNewProjected().withSources(sources).endProjected()
                .build());
    }

    public List<VolumeMount> mounts() {
        return has(Connection.Shards)
                ? List.of(new VolumeMountBuilder().withName(SHARD_MAP_VOLUME).withMountPath(Shards.MAP_DIRECTORY)
                        .withReadOnly(true).build())
                : List.of();
    }

    /** CloudNativePG generates 64 letters and digits, so the password needs no escaping in a URL. */
    private static String postgresUrl(String host) {
        return "postgresql://$(DB_USER):$(DB_PASSWORD)@" + host + ":" + DatabaseCluster.PORT + "/$(DB_NAME)";
    }
}
