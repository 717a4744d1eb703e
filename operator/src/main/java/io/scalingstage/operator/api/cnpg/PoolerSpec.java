package io.scalingstage.operator.api.cnpg;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The part of CloudNativePG's Pooler spec this operator sets. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolerSpec {

    private LocalReference cluster;

    private String type;

    private Integer instances;

    private PgBouncer pgbouncer;

    public LocalReference getCluster() {
        return cluster;
    }

    public void setCluster(LocalReference cluster) {
        this.cluster = cluster;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public PgBouncer getPgbouncer() {
        return pgbouncer;
    }

    public void setPgbouncer(PgBouncer pgbouncer) {
        this.pgbouncer = pgbouncer;
    }
}
