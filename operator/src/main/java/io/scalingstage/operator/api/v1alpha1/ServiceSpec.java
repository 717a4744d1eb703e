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

/** One service split out of the monolith at stage 8. */
// Its objects are named <ScalingStage name>-<service name>: at most 40 + 1 + 22 = 63 characters, and never one of the
// names the operator gives its own children.
@ValidationRule(value = "has(self.resources) && has(self.resources.requests) && has(self.resources.requests.cpu)",
        message = "every service is autoscaled on CPU against its request: set resources.requests.cpu",
        fieldPath = ".resources", reason = "FieldValueRequired")
@ValidationRule(value = "!(self.name in ['db', 'redis', 'edge', 'gateway', 'shard-map'])"
        + " && !self.name.startsWith('db-') && !self.name.startsWith('shard-')",
        message = "this service name is taken by the operator's own objects (db, db-*, redis, edge, gateway, shard-*)",
        fieldPath = ".name", reason = "FieldValueInvalid")
@ValidationRule(value = "!has(self.metricsPort) || self.metricsPort != self.port",
        message = "metricsPort must differ from port: only the API gateway may reach the service's port, while Prometheus"
                + " scrapes the metrics port from anywhere",
        fieldPath = ".metricsPort", reason = "FieldValueInvalid")
public class ServiceSpec {

    @Required
    @Size(min = 1, max = 22)
    @Pattern(Formats.DNS_LABEL)
    @JsonPropertyDescription("The service's name: a lowercase RFC 1035 label of at most 22 characters, unique in the list; its objects are named <ScalingStage name>-<service name>.")
    private String name;

    @Required
    @Size(min = 1, max = 512)
    @Pattern(Formats.IMAGE)
    @JsonPropertyDescription("The service's container image.")
    private String image;

    @Default("8080")
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port the service listens on.")
    private Integer port = 8080;

    @Default("/healthz")
    @Size(max = 256)
    @Pattern(Formats.URL_PATH)
    @JsonPropertyDescription("The HTTP path of the service's readiness check; it must start with /.")
    private String healthPath = "/healthz";

    @Required
    @Size(max = 256)
    @Pattern(Formats.PATH_PREFIX)
    @JsonPropertyDescription("The URL path prefix the API gateway routes to this service, starting with /; unique in the "
            + "list.")
    private String pathPrefix;

    @Default("{}")
    @JsonPropertyDescription("The bounds of the service's HorizontalPodAutoscaler.")
    private ReplicaRange replicas = new ReplicaRange();

    @JsonPropertyDescription("CPU and memory of the service's container.")
    private ComputeResources resources;

    @Default("[]")
    @Size(max = 3)
    @ValidationRule(value = "self.all(c, self.filter(o, o == c).size() == 1)", message = "connections must be unique")
    @JsonPropertyDescription("The data tiers the service reaches as the app does, each opt-in: Database (DATABASE_URL and,"
            + " from stage 6, DATABASE_READ_URL), Cache (REDIS_URL) and Shards (the shard map and every shard's credentials,"
            + " mounted where SHARD_MAP points). The NetworkPolicies then let the service in; a tier the stage does not"
            + " run is skipped.")
    private List<Connection> connections = new ArrayList<>();

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("The port the service serves Prometheus metrics on, exposed as \"metrics\" and open to any"
            + " scraper; unset, nothing but the API gateway reaches the service.")
    private Integer metricsPort;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

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

    public String getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public ReplicaRange getReplicas() {
        return replicas;
    }

    public void setReplicas(ReplicaRange replicas) {
        this.replicas = replicas;
    }

    public List<Connection> getConnections() {
        return connections;
    }

    public void setConnections(List<Connection> connections) {
        this.connections = connections;
    }

    public Integer getMetricsPort() {
        return metricsPort;
    }

    public void setMetricsPort(Integer metricsPort) {
        this.metricsPort = metricsPort;
    }

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }
}
