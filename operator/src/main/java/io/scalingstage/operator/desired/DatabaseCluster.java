package io.scalingstage.operator.desired;

import java.util.OptionalInt;

import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.cnpg.ClusterAffinity;
import io.scalingstage.operator.api.cnpg.ClusterSpec;
import io.scalingstage.operator.api.cnpg.ClusterStorage;
import io.scalingstage.operator.api.cnpg.InheritedMetadata;
import io.scalingstage.operator.api.cnpg.PostgresConfiguration;
import io.scalingstage.operator.api.v1alpha1.DatabaseSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The CloudNativePG Cluster that runs the application's Postgres: one instance, then a primary with read replicas. */
public final class DatabaseCluster {

    /** CloudNativePG's Postgres port, on its instances and its poolers. */
    public static final int PORT = 5432;

    private DatabaseCluster() {
    }

    /**
     * @param liveInstances the instances the live Cluster has, if it exists: under Retain they are never reduced,
     *        because CloudNativePG deletes the volumes of the instances it removes
     */
    public static Cluster desired(StagePlan plan, OptionalInt liveInstances) {
        DatabaseSpec database = plan.resource().getSpec().getDatabase();
        Cluster cluster = new Cluster();
        cluster.setMetadata(Metadata.of(plan, Component.DATABASE, Names.database(plan), true));

        ClusterSpec spec = new ClusterSpec();
        int wanted = plan.has(Component.READ_REPLICAS) ? 1 + database.getReadReplicas() : 1;
        spec.setInstances(plan.retainsData() ? Math.max(wanted, liveInstances.orElse(wanted)) : wanted);
        spec.setImageName(database.getImageName());
        ClusterStorage storage = new ClusterStorage();
        storage.setSize(database.getStorage().getSize().toString());
        storage.setStorageClass(database.getStorage().getStorageClass());
        spec.setStorage(storage);
        // From stage 2 the database gets guaranteed resources: it no longer shares, so it must not be squeezed.
        spec.setResources(plan.has(Component.DATABASE_ISOLATION)
                ? Resources.guaranteed(database.getResources()) : Resources.of(database.getResources()));
        if (database.getParameters() != null && !database.getParameters().isEmpty()) {
            PostgresConfiguration postgresql = new PostgresConfiguration();
            postgresql.setParameters(database.getParameters());
            spec.setPostgresql(postgresql);
        }
        // CloudNativePG copies these onto its pods, so NetworkPolicies and the app's affinity can select them.
        InheritedMetadata inherited = new InheritedMetadata();
        inherited.setLabels(Labels.selector(plan, Component.DATABASE));
        spec.setInheritedMetadata(inherited);
        spec.setAffinity(affinity(plan));
        cluster.setSpec(spec);
        return cluster;
    }

    /** Stage 1 puts Postgres beside the app; from stage 2 it prefers a node of its own. */
    private static ClusterAffinity affinity(StagePlan plan) {
        ClusterAffinity affinity = new ClusterAffinity();
        if (plan.has(Component.DATABASE_ISOLATION)) {
            affinity.setAdditionalPodAntiAffinity(Scheduling.apart(Labels.selector(plan, Component.APP)));
        } else {
            affinity.setAdditionalPodAffinity(Scheduling.near(Labels.selector(plan, Component.APP)));
        }
        return affinity;
    }
}
