package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** PgBouncer settings for the CloudNativePG Poolers. */
public class PoolerSpec {

    @Default("2")
    @Min(1)
    @Max(10)
    @JsonPropertyDescription("PgBouncer pods per pooler.")
    private Integer instances = 2;

    @Default("transaction")
    @JsonPropertyDescription("PgBouncer's pool mode: transaction (the default, most connections saved) or session.")
    private PoolMode poolMode = PoolMode.transaction;

    @Default("1000")
    @Min(1)
    @Max(100000)
    @JsonPropertyDescription("The most client connections each PgBouncer accepts (max_client_conn).")
    private Integer maxClientConnections = 1000;

    @Default("20")
    @Min(1)
    @Max(10000)
    @JsonPropertyDescription("Server connections per user and database pair (default_pool_size).")
    private Integer defaultPoolSize = 20;

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public PoolMode getPoolMode() {
        return poolMode;
    }

    public void setPoolMode(PoolMode poolMode) {
        this.poolMode = poolMode;
    }

    public Integer getMaxClientConnections() {
        return maxClientConnections;
    }

    public void setMaxClientConnections(Integer maxClientConnections) {
        this.maxClientConnections = maxClientConnections;
    }

    public Integer getDefaultPoolSize() {
        return defaultPoolSize;
    }

    public void setDefaultPoolSize(Integer defaultPoolSize) {
        this.defaultPoolSize = defaultPoolSize;
    }
}
