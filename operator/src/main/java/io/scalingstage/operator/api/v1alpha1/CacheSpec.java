package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** The Redis cache of stage 5. */
public class CacheSpec {

    @Default("256Mi")
    @Size(max = 64)
    @ValidationRule(value = Formats.POSITIVE_QUANTITY, message = "memory must be a positive quantity such as 256Mi")
    @JsonPropertyDescription("Redis maxmemory, as a Kubernetes quantity; the container's memory limit leaves room above it.")
    private Quantity memory = new Quantity("256Mi");

    @Default("allkeys-lru")
    @JsonPropertyDescription("What Redis evicts when memory is full (maxmemory-policy).")
    private MaxMemoryPolicy maxMemoryPolicy = MaxMemoryPolicy.ALLKEYS_LRU;

    @Default("false")
    @JsonPropertyDescription("Keep Redis data on a volume (append-only file). Off by default: a cache can be rebuilt; when "
            + "on, Redis is kept when the stage is lowered.")
    private Boolean persistence = false;

    @Default("redis:7.4")
    @Size(max = 512)
    @Pattern(Formats.IMAGE)
    @JsonPropertyDescription("The Redis image.")
    private String image = "redis:7.4";

    public Quantity getMemory() {
        return memory;
    }

    public void setMemory(Quantity memory) {
        this.memory = memory;
    }

    public MaxMemoryPolicy getMaxMemoryPolicy() {
        return maxMemoryPolicy;
    }

    public void setMaxMemoryPolicy(MaxMemoryPolicy maxMemoryPolicy) {
        this.maxMemoryPolicy = maxMemoryPolicy;
    }

    public Boolean getPersistence() {
        return persistence;
    }

    public void setPersistence(Boolean persistence) {
        this.persistence = persistence;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
