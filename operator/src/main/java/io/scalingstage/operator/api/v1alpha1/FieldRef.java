package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A field of the pod. */
public class FieldRef {

    @Required
    @Size(min = 1, max = 256)
    @JsonPropertyDescription("The field's path, for example metadata.name.")
    private String fieldPath;

    public String getFieldPath() {
        return fieldPath;
    }

    public void setFieldPath(String fieldPath) {
        this.fieldPath = fieldPath;
    }
}
