package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;

/** The source of an environment variable's value. */
@ValidationRule(value = "[has(self.secretKeyRef), has(self.configMapKeyRef), has(self.fieldRef)].filter(x, x).size() == 1",
        message = "set exactly one of secretKeyRef, configMapKeyRef and fieldRef", reason = "FieldValueInvalid")
public class AppEnvVarSource {

    @JsonPropertyDescription("A key of a Secret in the ScalingStage's namespace.")
    private EnvKeyRef secretKeyRef;

    @JsonPropertyDescription("A key of a ConfigMap in the ScalingStage's namespace.")
    private EnvKeyRef configMapKeyRef;

    @JsonPropertyDescription("A field of the pod, such as metadata.name or status.podIP.")
    private FieldRef fieldRef;

    public EnvKeyRef getSecretKeyRef() {
        return secretKeyRef;
    }

    public void setSecretKeyRef(EnvKeyRef secretKeyRef) {
        this.secretKeyRef = secretKeyRef;
    }

    public EnvKeyRef getConfigMapKeyRef() {
        return configMapKeyRef;
    }

    public void setConfigMapKeyRef(EnvKeyRef configMapKeyRef) {
        this.configMapKeyRef = configMapKeyRef;
    }

    public FieldRef getFieldRef() {
        return fieldRef;
    }

    public void setFieldRef(FieldRef fieldRef) {
        this.fieldRef = fieldRef;
    }
}
