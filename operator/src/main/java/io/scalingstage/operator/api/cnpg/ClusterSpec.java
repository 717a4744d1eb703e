package io.scalingstage.operator.api.cnpg;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The part of CloudNativePG's Cluster spec this operator sets. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterSpec {

    private Integer instances;

    private String imageName;

    private ClusterStorage storage;

    private ResourceRequirements resources;

    private PostgresConfiguration postgresql;

    private ClusterAffinity affinity;

    private InheritedMetadata inheritedMetadata;

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public String getImageName() {
        return imageName;
    }

    public void setImageName(String imageName) {
        this.imageName = imageName;
    }

    public ClusterStorage getStorage() {
        return storage;
    }

    public void setStorage(ClusterStorage storage) {
        this.storage = storage;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public PostgresConfiguration getPostgresql() {
        return postgresql;
    }

    public void setPostgresql(PostgresConfiguration postgresql) {
        this.postgresql = postgresql;
    }

    public ClusterAffinity getAffinity() {
        return affinity;
    }

    public void setAffinity(ClusterAffinity affinity) {
        this.affinity = affinity;
    }

    public InheritedMetadata getInheritedMetadata() {
        return inheritedMetadata;
    }

    public void setInheritedMetadata(InheritedMetadata inheritedMetadata) {
        this.inheritedMetadata = inheritedMetadata;
    }
}
