package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** A lower and an upper bound on a replica count. */
@ValidationRule(value = "!has(self.min) || !has(self.max) || self.min <= self.max", message = "min must not be greater than max", fieldPath = ".min", reason = "FieldValueInvalid")
public class ReplicaRange {

    @Default("2")
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("The fixed replica count before autoscaling, and the autoscaler's floor after.")
    private Integer min = 2;

    @Default("10")
    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("The autoscaler's ceiling.")
    private Integer max = 10;

    public Integer getMin() {
        return min;
    }

    public void setMin(Integer min) {
        this.min = min;
    }

    public Integer getMax() {
        return max;
    }

    public void setMax(Integer max) {
        this.max = max;
    }
}
