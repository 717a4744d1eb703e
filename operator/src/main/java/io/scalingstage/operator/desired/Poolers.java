package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scalingstage.operator.api.cnpg.LocalReference;
import io.scalingstage.operator.api.cnpg.PgBouncer;
import io.scalingstage.operator.api.cnpg.Pooler;
import io.scalingstage.operator.api.cnpg.PoolerSpec;
import io.scalingstage.operator.api.v1alpha1.DatabaseSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * PgBouncer through CloudNativePG: a read-write Pooler from stage 5, because autoscaled pods multiply connections,
 * and a read-only one in front of the replicas from stage 6.
 */
public final class Poolers {

    public static final String READ_WRITE = "rw";
    public static final String READ_ONLY = "ro";

    private Poolers() {
    }

    public static List<Pooler> desired(StagePlan plan) {
        List<Pooler> poolers = new ArrayList<>();
        if (plan.has(Component.POOLER)) {
            poolers.add(pooler(plan, READ_WRITE));
            if (plan.has(Component.READ_REPLICAS)) {
                poolers.add(pooler(plan, READ_ONLY));
            }
        }
        return poolers;
    }

    private static Pooler pooler(StagePlan plan, String type) {
        DatabaseSpec database = plan.resource().getSpec().getDatabase();
        Pooler pooler = new Pooler();
        pooler.setMetadata(Metadata.of(plan, Component.POOLER, Names.pooler(plan, type)));
        PoolerSpec spec = new PoolerSpec();
        LocalReference cluster = new LocalReference();
        cluster.setName(Names.database(plan));
        spec.setCluster(cluster);
        spec.setType(type);
        spec.setInstances(database.getPooler().getInstances());
        PgBouncer pgbouncer = new PgBouncer();
        pgbouncer.setPoolMode(database.getPooler().getPoolMode().name());
        // Sorted, so the object is the same in every JVM (Map.of's order is not).
        pgbouncer.setParameters(new TreeMap<>(Map.of(
                "max_client_conn", String.valueOf(database.getPooler().getMaxClientConnections()),
                "default_pool_size", String.valueOf(database.getPooler().getDefaultPoolSize()))));
        spec.setPgbouncer(pgbouncer);
        pooler.setSpec(spec);
        return pooler;
    }
}
