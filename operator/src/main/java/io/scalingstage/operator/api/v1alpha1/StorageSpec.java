package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** A volume's size and class. */
public class StorageSpec {

    @Default("10Gi")
    @Size(max = 64)
    @ValidationRule(value = Formats.POSITIVE_QUANTITY, message = "size must be a positive quantity such as 10Gi")
    @JsonPropertyDescription("The size of each volume, as a Kubernetes quantity such as 10Gi.")
    private Quantity size = new Quantity("10Gi");

    @Size(max = 253)
    @Pattern(Formats.DNS_SUBDOMAIN)
    @JsonPropertyDescription("The StorageClass of the volumes; unset uses the cluster's default.")
    private String storageClass;

    public Quantity getSize() {
        return size;
    }

    public void setSize(Quantity size) {
        this.size = size;
    }

    public String getStorageClass() {
        return storageClass;
    }

    public void setStorageClass(String storageClass) {
        this.storageClass = storageClass;
    }
}
