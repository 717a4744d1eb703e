package io.scalingstage.operator.api.cnpg;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** CloudNativePG's {@code Pooler} (postgresql.cnpg.io/v1): PgBouncer in front of a Cluster. */
@Group(Cluster.GROUP)
@Version("v1")
@Kind("Pooler")
@Plural("poolers")
public class Pooler extends CustomResource<PoolerSpec, PoolerStatus> implements Namespaced {
}
