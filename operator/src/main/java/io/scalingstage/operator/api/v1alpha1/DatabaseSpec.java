package io.scalingstage.operator.api.v1alpha1;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Postgres through CloudNativePG, plus the shards of stage 7. */
public class DatabaseSpec {

    @Default("{}")
    @JsonPropertyDescription("The size and class of each Postgres instance's volume.")
    private StorageSpec storage = new StorageSpec();

    @JsonPropertyDescription("CPU and memory of each Postgres instance and of each shard. From stage 2 requests and"
            + " limits of the instances are made equal (Guaranteed QoS): a side that is set gives the other.")
    private ComputeResources resources;

    @Size(max = 64)
    @JsonPropertyDescription("Postgres configuration parameters passed to CloudNativePG (postgresql.parameters), for example "
            + "max_connections.")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Size(max = 512)
    @Pattern(Formats.IMAGE)
    // CloudNativePG reads the major version from the tag, and refuses "latest" and digest-only references.
    @ValidationRule(value = "self.matches(':[0-9]+(\\\\.[0-9]+)*([-_][A-Za-z0-9._-]*)?(@sha256:[a-f0-9]{64})?$')",
            message = "imageName needs a PostgreSQL version tag, such as ghcr.io/cloudnative-pg/postgresql:17.6",
            reason = "FieldValueInvalid")
    @JsonPropertyDescription("The Postgres image CloudNativePG runs, tagged with its PostgreSQL version; unset uses"
            + " CloudNativePG's default.")
    private String imageName;

    @Default("2")
    @Min(1)
    @Max(9)
    @JsonPropertyDescription("Read replicas added at stage 6 (the Cluster then runs 1 + readReplicas instances). More than 3 "
            + "is allowed but flagged as premature scaling.")
    private Integer readReplicas = 2;

    @Default("{}")
    @JsonPropertyDescription("The PgBouncer pooler (a CloudNativePG Pooler) added at stage 5.")
    private PoolerSpec pooler = new PoolerSpec();

    @Default("2")
    @Min(2)
    @Max(64)
    @JsonPropertyDescription("The number of shard databases at stage 7. Shards may only grow: lowering it is refused.")
    private Integer shards = 2;

    @Default("tenant_id")
    @Size(min = 1, max = 63)
    @Pattern("^[a-z_][a-z0-9_]*$")
    @JsonPropertyDescription("The column the application shards by (a user, tenant or region id); written into the shard map.")
    private String shardKey = "tenant_id";

    @Default("postgres:17.6")
    @Size(max = 512)
    @Pattern(Formats.IMAGE)
    @JsonPropertyDescription("The Postgres image of the shard StatefulSets.")
    private String shardImage = "postgres:17.6";

    public StorageSpec getStorage() {
        return storage;
    }

    public void setStorage(StorageSpec storage) {
        this.storage = storage;
    }

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public String getImageName() {
        return imageName;
    }

    public void setImageName(String imageName) {
        this.imageName = imageName;
    }

    public Integer getReadReplicas() {
        return readReplicas;
    }

    public void setReadReplicas(Integer readReplicas) {
        this.readReplicas = readReplicas;
    }

    public PoolerSpec getPooler() {
        return pooler;
    }

    public void setPooler(PoolerSpec pooler) {
        this.pooler = pooler;
    }

    public Integer getShards() {
        return shards;
    }

    public void setShards(Integer shards) {
        this.shards = shards;
    }

    public String getShardKey() {
        return shardKey;
    }

    public void setShardKey(String shardKey) {
        this.shardKey = shardKey;
    }

    public String getShardImage() {
        return shardImage;
    }

    public void setShardImage(String shardImage) {
        this.shardImage = shardImage;
    }
}
