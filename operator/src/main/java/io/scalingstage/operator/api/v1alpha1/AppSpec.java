package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The web application: a container image that talks HTTP and Postgres. */
public class AppSpec {

    @Required
    @Size(min = 1, max = 512)
    @Pattern(Formats.IMAGE)
    @JsonPropertyDescription("The application's container image, for example registry.example/shop:1.4.2 or a reference "
            + "pinned by @sha256 digest. Registry and repository are lowercase.")
    private String image;

    @Default("8080")
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port the application listens on for HTTP.")
    private Integer port = 8080;

    @Default("/healthz")
    @Size(max = 256)
    @Pattern(Formats.URL_PATH)
    @JsonPropertyDescription("The HTTP path of the application's readiness check; it must start with /.")
    private String healthPath = "/healthz";

    @Size(max = 64)
    @ValidationRule(value = "self.all(e, !(e.name in ['DATABASE_URL', 'DATABASE_READ_URL', 'REDIS_URL', 'REDIS_PASSWORD', 'DB_USER', 'DB_PASSWORD', 'DB_NAME', 'SHARD_MAP']))",
            message = "DATABASE_URL, DATABASE_READ_URL, REDIS_URL, REDIS_PASSWORD, DB_USER, DB_PASSWORD, DB_NAME and SHARD_MAP are set by the operator",
            reason = "FieldValueForbidden")
    @ValidationRule(value = "self.all(e, self.filter(o, o.name == e.name).size() == 1)", message = "env names must be unique")
    @JsonPropertyDescription("Extra environment variables for the application container. The operator adds DATABASE_URL (and, "
            + "from the stages that have them, DATABASE_READ_URL, REDIS_URL and SHARD_MAP) itself, by secret "
            + "reference.")
    private List<AppEnvVar> env = new ArrayList<>();

    @JsonPropertyDescription("CPU and memory requests and limits of the application container. From stage 5 the autoscaler "
            + "measures CPU against the request, so set one.")
    private ComputeResources resources;

    @Default("{}")
    @JsonPropertyDescription("How many application pods run: fixed at min from stage 3, scaled between min and max by the "
            + "HorizontalPodAutoscaler from stage 5.")
    private ReplicaRange replicas = new ReplicaRange();

    @Size(max = 32)
    @ValidationRule(value = "self.all(p, self.filter(o, o == p).size() == 1)", message = "static paths must be unique")
    @JsonPropertyDescription("URL path prefixes of static content (each starting with /), served through the edge cache from "
            + "stage 4.")
    private List<@Pattern(Formats.PATH_PREFIX) @Size(max = 256) String> staticPaths = new ArrayList<>();

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getHealthPath() {
        return healthPath;
    }

    public void setHealthPath(String healthPath) {
        this.healthPath = healthPath;
    }

    public List<AppEnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<AppEnvVar> env) {
        this.env = env;
    }

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }

    public ReplicaRange getReplicas() {
        return replicas;
    }

    public void setReplicas(ReplicaRange replicas) {
        this.replicas = replicas;
    }

    public List<String> getStaticPaths() {
        return staticPaths;
    }

    public void setStaticPaths(List<String> staticPaths) {
        this.staticPaths = staticPaths;
    }
}
