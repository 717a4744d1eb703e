package io.scalingstage.operator.api.cnpg;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.Condition;

/** The part of CloudNativePG's Cluster status this operator reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterStatus {

    private Integer instances;

    private Integer readyInstances;

    private String phase;

    private List<Condition> conditions;

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public Integer getReadyInstances() {
        return readyInstances;
    }

    public void setReadyInstances(Integer readyInstances) {
        this.readyInstances = readyInstances;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
