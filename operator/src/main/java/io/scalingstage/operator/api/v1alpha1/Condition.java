package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/** One observation of the ScalingStage's state, following the Kubernetes condition conventions that kstatus, Argo CD and Flux read. */
public class Condition {

    @Required
    @JsonPropertyDescription("The condition's type, for example Ready.")
    private String type;

    @Required
    @JsonPropertyDescription("True, False or Unknown.")
    private String status;

    @JsonPropertyDescription("A CamelCase word saying why the condition has its status.")
    private String reason;

    @JsonPropertyDescription("The reason in a sentence for a person.")
    private String message;

    @JsonPropertyDescription("When the status last changed (RFC 3339).")
    private String lastTransitionTime;

    @JsonPropertyDescription("The metadata.generation the condition was computed from.")
    private Long observedGeneration;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }
}
