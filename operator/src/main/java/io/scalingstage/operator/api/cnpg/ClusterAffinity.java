package io.scalingstage.operator.api.cnpg;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;

/** CloudNativePG's AffinityConfiguration. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterAffinity {

    private Boolean enablePodAntiAffinity;

    private String topologyKey;

    private String podAntiAffinityType;

    private PodAffinity additionalPodAffinity;

    private PodAntiAffinity additionalPodAntiAffinity;

    public Boolean getEnablePodAntiAffinity() {
        return enablePodAntiAffinity;
    }

    public void setEnablePodAntiAffinity(Boolean enablePodAntiAffinity) {
        this.enablePodAntiAffinity = enablePodAntiAffinity;
    }

    public String getTopologyKey() {
        return topologyKey;
    }

    public void setTopologyKey(String topologyKey) {
        this.topologyKey = topologyKey;
    }

    public String getPodAntiAffinityType() {
        return podAntiAffinityType;
    }

    public void setPodAntiAffinityType(String podAntiAffinityType) {
        this.podAntiAffinityType = podAntiAffinityType;
    }

    public PodAffinity getAdditionalPodAffinity() {
        return additionalPodAffinity;
    }

    public void setAdditionalPodAffinity(PodAffinity additionalPodAffinity) {
        this.additionalPodAffinity = additionalPodAffinity;
    }

    public PodAntiAffinity getAdditionalPodAntiAffinity() {
        return additionalPodAntiAffinity;
    }

    public void setAdditionalPodAntiAffinity(PodAntiAffinity additionalPodAntiAffinity) {
        this.additionalPodAntiAffinity = additionalPodAntiAffinity;
    }
}
