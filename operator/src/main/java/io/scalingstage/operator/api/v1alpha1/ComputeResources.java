package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** CPU and memory for one container, in the shape of a Kubernetes ResourceRequirements. */
public class ComputeResources {

    @JsonPropertyDescription("The resources the scheduler reserves for the container.")
    private ResourceAmounts requests;

    @JsonPropertyDescription("The most the container may use.")
    private ResourceAmounts limits;

    public ResourceAmounts getRequests() {
        return requests;
    }

    public void setRequests(ResourceAmounts requests) {
        this.requests = requests;
    }

    public ResourceAmounts getLimits() {
        return limits;
    }

    public void setLimits(ResourceAmounts limits) {
        this.limits = limits;
    }
}
