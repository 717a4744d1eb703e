package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.scalingstage.operator.api.v1alpha1.DatabaseSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * The shards of stage 7: one Postgres StatefulSet per shard with its volume, a headless Service and a password, and
 * the shard map the app reads to route a key to its shard and log in to it. All of it holds data: kept unless retention
 * is Delete.
 */
public final class Shards {

    public static final String MAP_KEY = "shards.json";
    /** Where the app and the services wired to the shards find the map, and each shard's credentials beside it. */
    static final String MAP_DIRECTORY = "/etc/scalingstage/shard-map";
    /** The hash-slot space the shard map divides, as Redis Cluster does. */
    static final int HASH_SLOTS = 16384;
    static final int PORT = 5432;
    static final String PORT_NAME = "postgres";
    static final String DATABASE = "app";
    static final String USER = "app";
    static final String USERNAME_KEY = "username";
    static final String PASSWORD_KEY = "password";
    /** The official image's postgres user. */
    static final long POSTGRES_USER = 999;
    static final String DATA_DIRECTORY = "/var/lib/postgresql/data";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shards() {
    }

    public static int count(StagePlan plan) {
        return plan.resource().getSpec().getDatabase().getShards();
    }

    /** Every shard's StatefulSet, Service and Secret, then the map. */
    public static List<HasMetadata> desired(StagePlan plan, Passwords passwords) {
        List<HasMetadata> objects = new ArrayList<>();
        for (int index = 0; index < count(plan); index++) {
            objects.add(secret(plan, index, passwords));
            objects.add(Services.clusterIp(plan, Component.SHARDS, Names.shard(plan, index), selector(plan, index), PORT,
                    PORT_NAME, true, true));
            objects.add(statefulSet(plan, index));
        }
        objects.add(map(plan));
        return objects;
    }

    /** The claim the StatefulSet controller makes for a shard's only pod: data-{statefulset}-0. */
    public static String volumeClaim(String statefulSet) {
        return "data-" + statefulSet + "-0";
    }

    static StatefulSet statefulSet(StagePlan plan, int index) {
        DatabaseSpec database = plan.resource().getSpec().getDatabase();
        String name = Names.shard(plan, index);
        return new StatefulSetBuilder()
                .withMetadata(Metadata.of(plan, Component.SHARDS, name, true, selector(plan, index)))
                .withNewSpec()
                    .withServiceName(name)
                    .withReplicas(1)
                    .withNewSelector().withMatchLabels(selector(plan, index)).endSelector()
                    // Deleting or scaling the StatefulSet never deletes its volume; only retention Delete does.
                    .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Retain").withWhenScaled("Retain")
                    .endPersistentVolumeClaimRetentionPolicy()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(Labels.pod(plan, Component.SHARDS, selector(plan, index))).endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withSecurityContext(PodSecurity.restrictedPod(POSTGRES_USER))
                            .addNewContainer()
                                .withName("postgres")
                                .withImage(database.getShardImage())
                                .addNewEnv().withName("POSTGRES_USER").withValue(USER).endEnv()
                                .addNewEnv().withName("POSTGRES_DB").withValue(DATABASE).endEnv()
                                .addToEnv(EnvVars.fromSecret("POSTGRES_PASSWORD", name, PASSWORD_KEY))
                                .addNewEnv().withName("PGDATA").withValue(DATA_DIRECTORY + "/pgdata").endEnv()
                                .addNewPort().withName(PORT_NAME).withContainerPort(PORT).withProtocol("TCP").endPort()
                                .withNewReadinessProbe()
                                    .withNewExec().withCommand("pg_isready", "-h", "127.0.0.1", "-U", USER, "-d", DATABASE).endExec()
                                    .withPeriodSeconds(10)
                                .endReadinessProbe()
                                .withResources(Resources.of(database.getResources()))
                                .addNewVolumeMount().withName("data").withMountPath(DATA_DIRECTORY).endVolumeMount()
                                .addNewVolumeMount().withName("run").withMountPath("/var/run/postgresql").endVolumeMount()
                                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                                .withSecurityContext(PodSecurity.readOnlyContainer())
                            .endContainer()
                            .addNewVolume().withName("run").withNewEmptyDir().endEmptyDir().endVolume()
                            .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                        .endSpec()
                    .endTemplate()
                    .addNewVolumeClaimTemplate()
                        // Not the managed-by label: the claims belong to the StatefulSet controller, not to the operator.
                        .withNewMetadata().withName("data").withLabels(selector(plan, index)).endMetadata()
                        .withNewSpec()
                            .withAccessModes("ReadWriteOnce")
                            .withStorageClassName(database.getStorage().getStorageClass())
                            .withNewResources().addToRequests("storage", Quantities.canonical(database.getStorage().getSize()))
                            .endResources()
                        .endSpec()
                    .endVolumeClaimTemplate()
                .endSpec()
                .build();
    }

    /** Created once and never regenerated: the dependent that applies Secrets only creates them. */
    static Secret secret(StagePlan plan, int index, Passwords passwords) {
        return new SecretBuilder()
                .withMetadata(Metadata.of(plan, Component.SHARDS, Names.shard(plan, index), true, selector(plan, index)))
                .withType("kubernetes.io/basic-auth")
                .withData(Secrets.data(USERNAME_KEY, USER, PASSWORD_KEY, passwords.next()))
                .build();
    }

    /**
     * The shard map: the key to shard by and, for each shard, its hash-slot range and where to reach it. The slot
     * space is split evenly, so a new shard count changes the ranges: moving the rows is the app's rebalancing job.
     */
    static ConfigMap map(StagePlan plan) {
        int count = count(plan);
        List<Map<String, Object>> shards = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String name = Names.shard(plan, index);
            Map<String, Object> shard = new LinkedHashMap<>();
            shard.put("index", index);
            shard.put("slots", List.of(index * HASH_SLOTS / count, (index + 1) * HASH_SLOTS / count - 1));
            shard.put("host", name + "-0." + name + "." + plan.namespace() + ".svc");
            shard.put("port", PORT);
            shard.put("database", DATABASE);
            shard.put("secret", name);
            // Mounted by reference (Connections): a reader needs no API access to log in.
            shard.put("usernameFile", MAP_DIRECTORY + "/" + name + "/" + USERNAME_KEY);
            shard.put("passwordFile", MAP_DIRECTORY + "/" + name + "/" + PASSWORD_KEY);
            shards.add(shard);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("shardKey", plan.resource().getSpec().getDatabase().getShardKey());
        map.put("hashSlots", HASH_SLOTS);
        map.put("shards", shards);
        try {
            return new ConfigMapBuilder()
                    .withMetadata(Metadata.of(plan, Component.SHARDS, Names.shardMap(plan), true))
                    .addToData(MAP_KEY, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map) + "\n")
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }

    private static Map<String, String> selector(StagePlan plan, int index) {
        return Labels.selector(plan, Component.SHARDS, Names.shard(plan, index));
    }
}
