package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;

/** The source of an environment variable's value. */
@ValidationRule(value = "[has(self.secretKeyRef), has(self.configMapKeyRef), has(self.fieldRef)].filter(x, x).size() == 1",
        message = "set exactly one of secretKeyRef, configMapKeyRef and fieldRef", reason = "FieldValueInvalid")
public class AppEnvVarSource {

    @JsonPropertyDescription("A key of a Secret in the ScalingStage's namespace.")
    private KeyRef secretKeyRef;

    @JsonPropertyDescription("A key of a ConfigMap in the ScalingStage's namespace.")
    private KeyRef configMapKeyRef;

    @JsonPropertyDescription("A field of the pod, such as metadata.name or status.podIP.")
    private FieldRef fieldRef;

    public KeyRef getSecretKeyRef() {
        return secretKeyRef;
    }

    public void setSecretKeyRef(KeyRef secretKeyRef) {
        this.secretKeyRef = secretKeyRef;
    }

    public KeyRef getConfigMapKeyRef() {
        return configMapKeyRef;
    }

    public void setConfigMapKeyRef(KeyRef configMapKeyRef) {
        this.configMapKeyRef = configMapKeyRef;
    }

    public FieldRef getFieldRef() {
        return fieldRef;
    }

    public void setFieldRef(FieldRef fieldRef) {
        this.fieldRef = fieldRef;
    }
}
