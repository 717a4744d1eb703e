package io.scalingstage.operator.api.cnpg;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** CloudNativePG's {@code Cluster} (postgresql.cnpg.io/v1): one Postgres primary and its replicas. */
@Group(Cluster.GROUP)
@Version("v1")
@Kind("Cluster")
@Plural("clusters")
public class Cluster extends CustomResource<ClusterSpec, ClusterStatus> implements Namespaced {

    public static final String GROUP = "postgresql.cnpg.io";
}
