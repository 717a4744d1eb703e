package io.scalingstage.operator.desired;

import io.scalingstage.operator.plan.StagePlan;

/**
 * The names of the objects of one ScalingStage. metadata.name is at most 40 characters and a split-out service's
 * name at most 22 (CRD rules), so every name here stays a valid RFC 1035 label.
 */
public final class Names {

    private Names() {
    }

    /** The app's Deployment, Service, Ingress, HPA and PodDisruptionBudget: the ScalingStage's own name. */
    public static String app(StagePlan plan) {
        return plan.name();
    }

    /** The CloudNativePG Cluster; CloudNativePG adds -rw, -ro and -r to its Services. */
    public static String database(StagePlan plan) {
        return database(plan.name());
    }

    /** The CloudNativePG Cluster of the ScalingStage with this name. */
    public static String database(String instance) {
        return instance + "-db";
    }

    /** The Secret CloudNativePG generates for the application user. */
    public static String databaseAppSecret(StagePlan plan) {
        return database(plan) + "-app";
    }

    /** CloudNativePG's Service in front of the replicas only. */
    public static String databaseReadOnlyService(StagePlan plan) {
        return database(plan) + "-ro";
    }

    public static String pooler(StagePlan plan, String type) {
        return database(plan) + "-pooler-" + type;
    }

    public static String redis(StagePlan plan) {
        return plan.name() + "-redis";
    }

    public static String redisVolume(StagePlan plan) {
        return redis(plan) + "-data";
    }

    public static String edge(StagePlan plan) {
        return plan.name() + "-edge";
    }

    public static String gateway(StagePlan plan) {
        return plan.name() + "-gateway";
    }

    public static String shard(StagePlan plan, int index) {
        return plan.name() + "-shard-" + index;
    }

    public static String shardMap(StagePlan plan) {
        return plan.name() + "-shard-map";
    }

    /** A split-out service of stage 8. */
    public static String service(StagePlan plan, String service) {
        return plan.name() + "-" + service;
    }

    /** A NetworkPolicy guarding one component's pods. */
    public static String networkPolicy(StagePlan plan, String guarded) {
        return plan.name() + "-" + guarded;
    }
}
