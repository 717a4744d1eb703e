package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Per-component overrides of the stage ladder; an unset component follows the stage (Auto). */
public class ComponentOverrides {

    @JsonPropertyDescription("The Ingress (stage 2).")
    private ComponentMode ingress;

    @JsonPropertyDescription("The nginx edge cache for static paths (stage 4).")
    private ComponentMode edge;

    @JsonPropertyDescription("Redis (stage 5).")
    private ComponentMode cache;

    @JsonPropertyDescription("The HorizontalPodAutoscaler of the app (stage 5).")
    private ComponentMode autoscaler;

    @JsonPropertyDescription("The PgBouncer Poolers (stage 5, read-only one from stage 6).")
    private ComponentMode pooler;

    @JsonPropertyDescription("The read replicas of the database (stage 6). Disabled keeps the replicas' data unless retention "
            + "is Delete.")
    private ComponentMode readReplicas;

    @JsonPropertyDescription("The shard StatefulSets (stage 7). Disabled keeps the shards and their volumes unless retention "
            + "is Delete.")
    private ComponentMode shards;

    @JsonPropertyDescription("The services and API gateway (stage 8).")
    private ComponentMode services;

    public ComponentMode getIngress() {
        return ingress;
    }

    public void setIngress(ComponentMode ingress) {
        this.ingress = ingress;
    }

    public ComponentMode getEdge() {
        return edge;
    }

    public void setEdge(ComponentMode edge) {
        this.edge = edge;
    }

    public ComponentMode getCache() {
        return cache;
    }

    public void setCache(ComponentMode cache) {
        this.cache = cache;
    }

    public ComponentMode getAutoscaler() {
        return autoscaler;
    }

    public void setAutoscaler(ComponentMode autoscaler) {
        this.autoscaler = autoscaler;
    }

    public ComponentMode getPooler() {
        return pooler;
    }

    public void setPooler(ComponentMode pooler) {
        this.pooler = pooler;
    }

    public ComponentMode getReadReplicas() {
        return readReplicas;
    }

    public void setReadReplicas(ComponentMode readReplicas) {
        this.readReplicas = readReplicas;
    }

    public ComponentMode getShards() {
        return shards;
    }

    public void setShards(ComponentMode shards) {
        this.shards = shards;
    }

    public ComponentMode getServices() {
        return services;
    }

    public void setServices(ComponentMode services) {
        this.services = services;
    }
}
