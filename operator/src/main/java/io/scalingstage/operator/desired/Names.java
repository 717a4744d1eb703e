package io.scalingstage.operator.desired;

import io.scalingstage.operator.plan.StagePlan;

/**
 * The names of the objects of one ScalingStage. metadata.name is at most 40 characters (CRD rule), so every name
 * here stays a valid RFC 1035 label.
 */
public final class Names {

    private Names() {
    }

    /** The app's Deployment and Service: the ScalingStage's own name. */
    public static String app(StagePlan plan) {
        return plan.name();
    }

    /** The CloudNativePG Cluster. */
    public static String database(StagePlan plan) {
        return plan.name() + "-db";
    }

    /** The Secret CloudNativePG generates for the application user: {@code <cluster>-app}. */
    public static String databaseAppSecret(StagePlan plan) {
        return database(plan) + "-app";
    }
}
