package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One web application and the scaling stage it is in. The operator reconciles it into the topology of its effective
 * stage and, from metrics, recommends or performs the promotion to the next one.
 */
@Group(ScalingStage.GROUP)
@Version(ScalingStage.VERSION)
@Kind("ScalingStage")
@Singular("scalingstage")
@Plural("scalingstages")
@ShortNames("sst")
// kubectl prints these in this order (PrinterColumnOrder keeps it): NAME STAGE RECOMMENDED READY AGE, and under
// -o wide MODE and REASON after READY.
@AdditionalPrinterColumn(name = "Stage", jsonPath = ".status.stage", type = AdditionalPrinterColumn.Type.INTEGER,
        getDescription = "The effective stage the operator has reconciled")
@AdditionalPrinterColumn(name = "Recommended", jsonPath = ".status.recommendedStage", type = AdditionalPrinterColumn.Type.INTEGER,
        getDescription = "The stage the metrics recommend")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        getDescription = "Whether every component of the stage is ready")
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.promotion.mode", priority = 1,
        getDescription = "How promotion acts on a recommendation")
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", priority = 1,
        getDescription = "Why the ScalingStage is or is not ready")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// Child names append up to 23 characters ("-<service>" of stage 8); a Service name is an RFC 1035 label of 63 at most.
@ValidationRule(value = "size(self.metadata.name) <= 40 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
        message = "metadata.name must be a lowercase RFC 1035 label of at most 40 characters, because the names of the"
                + " objects the operator creates are derived from it", reason = "FieldValueInvalid")
public class ScalingStage extends CustomResource<ScalingStageSpec, ScalingStageStatus> implements Namespaced {

    public static final String GROUP = "scalingstage.io";
    public static final String VERSION = "v1alpha1";

    // Overridden only to document the two top-level fields, so kubectl explain describes every field.
    @Override
    @JsonPropertyDescription("The application, the stage it is in, and how the operator may move it up the ladder.")
    public ScalingStageSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator built and observed: the effective stage, conditions, components, the plan "
            + "for the next stage and the evidence of promotion decisions. Written by the operator only.")
    public ScalingStageStatus getStatus() {
        return super.getStatus();
    }
}
