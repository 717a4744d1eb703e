package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A key of a Secret or ConfigMap that an environment variable reads. */
public class EnvKeyRef extends KeyRef {

    @JsonPropertyDescription("Start the container even when the object or key is missing.")
    private Boolean optional;

    public Boolean getOptional() {
        return optional;
    }

    public void setOptional(Boolean optional) {
        this.optional = optional;
    }
}
