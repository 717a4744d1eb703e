package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** The nginx caching tier of stage 4, the origin shield in front of the app's static paths. */
public class EdgeSpec {

    @Default("1Gi")
    @Size(max = 64)
    @ValidationRule(value = Formats.POSITIVE_QUANTITY, message = "cacheSize must be a positive quantity such as 1Gi")
    @JsonPropertyDescription("The most disk the nginx cache may use, as a Kubernetes quantity.")
    private Quantity cacheSize = new Quantity("1Gi");

    @Default("1h")
    @Pattern(Formats.DURATION)
    @JsonPropertyDescription("How long nginx keeps a cached response, as a duration such as 10m or 1h.")
    private String cacheTTL = "1h";

    @Default("public, max-age=86400")
    @Size(max = 256)
    @Pattern("^[A-Za-z0-9=, -]+$")
    @JsonPropertyDescription("The Cache-Control header the edge sets on static responses.")
    private String cacheControl = "public, max-age=86400";

    @Default("nginxinc/nginx-unprivileged:1.29")
    @Size(max = 512)
    @Pattern(Formats.IMAGE)
    @JsonPropertyDescription("The nginx image of the edge tier and of the API gateway; it must run as a non-root user.")
    private String image = "nginxinc/nginx-unprivileged:1.29";

    public Quantity getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(Quantity cacheSize) {
        this.cacheSize = cacheSize;
    }

    public String getCacheTTL() {
        return cacheTTL;
    }

    public void setCacheTTL(String cacheTTL) {
        this.cacheTTL = cacheTTL;
    }

    public String getCacheControl() {
        return cacheControl;
    }

    public void setCacheControl(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
