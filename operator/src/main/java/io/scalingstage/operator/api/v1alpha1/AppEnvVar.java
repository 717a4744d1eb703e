package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** An extra environment variable of the application, in the shape of a container's env entry. */
@ValidationRule(value = "!(has(self.value) && has(self.valueFrom))", message = "set value or valueFrom, not both", reason = "FieldValueInvalid")
public class AppEnvVar {

    @Required
    @Size(min = 1, max = 256)
    @Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$")
    @JsonPropertyDescription("The variable's name.")
    private String name;

    @Size(max = 32768)
    @JsonPropertyDescription("A literal value.")
    private String value;

    @JsonPropertyDescription("Where the value comes from, instead of a literal.")
    private AppEnvVarSource valueFrom;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public AppEnvVarSource getValueFrom() {
        return valueFrom;
    }

    public void setValueFrom(AppEnvVarSource valueFrom) {
        this.valueFrom = valueFrom;
    }
}
