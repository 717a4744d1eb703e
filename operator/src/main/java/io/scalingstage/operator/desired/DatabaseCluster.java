package io.scalingstage.operator.desired;

import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAffinityBuilder;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.cnpg.ClusterAffinity;
import io.scalingstage.operator.api.cnpg.ClusterSpec;
import io.scalingstage.operator.api.cnpg.ClusterStorage;
import io.scalingstage.operator.api.cnpg.InheritedMetadata;
import io.scalingstage.operator.api.cnpg.PostgresConfiguration;
import io.scalingstage.operator.api.v1alpha1.DatabaseSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The CloudNativePG Cluster that runs the application's Postgres. */
public final class DatabaseCluster {

    static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

    private DatabaseCluster() {
    }

    public static Cluster desired(StagePlan plan) {
        DatabaseSpec database = plan.resource().getSpec().getDatabase();
        Cluster cluster = new Cluster();
        cluster.setMetadata(Metadata.of(plan, Component.DATABASE, Names.database(plan)));

        ClusterSpec spec = new ClusterSpec();
        spec.setInstances(1);
        spec.setImageName(database.getImageName());
        ClusterStorage storage = new ClusterStorage();
        storage.setSize(database.getStorage().getSize().toString());
        storage.setStorageClass(database.getStorage().getStorageClass());
        spec.setStorage(storage);
        spec.setResources(Resources.of(database.getResources()));
        if (database.getParameters() != null && !database.getParameters().isEmpty()) {
            PostgresConfiguration postgresql = new PostgresConfiguration();
            postgresql.setParameters(database.getParameters());
            spec.setPostgresql(postgresql);
        }
        // CloudNativePG copies these onto its pods, so NetworkPolicies can select the database by component.
        InheritedMetadata inherited = new InheritedMetadata();
        inherited.setLabels(Labels.selector(plan, Component.DATABASE));
        spec.setInheritedMetadata(inherited);
        spec.setAffinity(affinity(plan));
        cluster.setSpec(spec);
        return cluster;
    }

    /**
     * Stage 1 puts Postgres beside the app. Preferred, not required: a full node or an app scaled to zero must not
     * keep the database from starting.
     */
    private static ClusterAffinity affinity(StagePlan plan) {
        PodAffinity besideApp = new PodAffinityBuilder()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                    .withWeight(100)
                    .withNewPodAffinityTerm()
                        .withNewLabelSelector().withMatchLabels(Labels.selector(plan, Component.APP)).endLabelSelector()
                        .withTopologyKey(HOSTNAME_TOPOLOGY)
                    .endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .build();
        ClusterAffinity affinity = new ClusterAffinity();
        affinity.setAdditionalPodAffinity(besideApp);
        return affinity;
    }
}
