package io.scalingstage.operator.api.v1alpha1;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Quantity;

/** Amounts of CPU and memory, as Kubernetes quantities. */
// The schema of both fields is written out here because it is checked by pattern and minimum, not CEL:
// CEL prices an int-or-string at the largest request size, which inside the services list exceeds the
// CRD's validation budget. pattern applies to string values, minimum to integer values.
@SchemaCustomizer(value = SchemaCustomizer.MergePatchCustomizer.class, input = "{\"properties\": {"
        + "\"cpu\": " + ResourceAmounts.QUANTITY_SCHEMA_START + "\"CPU, as a non-negative Kubernetes quantity such as 500m or 2.\"},"
        + "\"memory\": " + ResourceAmounts.QUANTITY_SCHEMA_START + "\"Memory, as a non-negative Kubernetes quantity such as 512Mi or 2Gi.\"}"
        + "}}")
public class ResourceAmounts {

    static final String QUANTITY_SCHEMA_START = "{\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"string\"}],"
            + " \"x-kubernetes-int-or-string\": true, \"minimum\": 0,"
            + " \"pattern\": \"" + Formats.NON_NEGATIVE_QUANTITY_PATTERN + "\", \"description\": ";

    private Quantity cpu;

    private Quantity memory;

    public Quantity getCpu() {
        return cpu;
    }

    public void setCpu(Quantity cpu) {
        this.cpu = cpu;
    }

    public Quantity getMemory() {
        return memory;
    }

    public void setMemory(Quantity memory) {
        this.memory = memory;
    }
}
