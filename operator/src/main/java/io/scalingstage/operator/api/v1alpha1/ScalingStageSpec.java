package io.scalingstage.operator.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

// An HPA scales on CPU against the request; without one it can never act.
@ValidationRule(value = "(self.stage < 5 && !(has(self.components) && has(self.components.autoscaler)"
        + " && self.components.autoscaler == 'Enabled'))"
        + " || (has(self.components) && has(self.components.autoscaler) && self.components.autoscaler == 'Disabled')"
        + " || (has(self.app.resources) && has(self.app.resources.requests) && has(self.app.resources.requests.cpu))",
        message = "from stage 5 an autoscaler scales the app on CPU against its request: set app.resources.requests.cpu",
        fieldPath = ".app.resources", reason = "FieldValueRequired")
@ValidationRule(value = "!has(self.maxStage) || self.maxStage >= self.stage",
        message = "maxStage must not be lower than stage: promotion could never reach the declared stage",
        fieldPath = ".maxStage", reason = "FieldValueInvalid")
@ValidationRule(value = "!has(oldSelf.database) || !has(oldSelf.database.shards)"
        + " || (has(self.database) && has(self.database.shards) && self.database.shards >= oldSelf.database.shards)",
        message = "database.shards may only grow: every shard holds data, and removing one would strand it",
        fieldPath = ".database.shards", reason = "FieldValueForbidden")
@JsonClassDescription("The desired stage of one web application and how it is built, scaled and promoted.")
public class ScalingStageSpec {

    @Required
    @Min(1)
    @Max(8)
    @JsonPropertyDescription("The scaling stage the owner declares, 1 (OneBox) to 8 (Distributed). It is the floor:"
            + " promotion in Auto mode may raise the effective stage above it, never below.")
    private Integer stage;

    @Min(1)
    @Max(8)
    @JsonPropertyDescription("The highest stage promotion may reach. Unset means no limit but the ladder's own: stage 8 is"
            + " never reached automatically.")
    private Integer maxStage;

    @Required
    @JsonPropertyDescription("The web application: its image, port, health check and how it scales.")
    private AppSpec app;

    @Default("{}")
    @JsonPropertyDescription("Postgres, run by CloudNativePG: storage, read replicas, the PgBouncer pooler and shards.")
    private DatabaseSpec database = new DatabaseSpec();

    @Default("{}")
    @JsonPropertyDescription("The Redis cache added at stage 5.")
    private CacheSpec cache = new CacheSpec();

    @Default("{}")
    @JsonPropertyDescription("The nginx caching tier added at stage 4 in front of the app's static paths.")
    private EdgeSpec edge = new EdgeSpec();

    @Default("{}")
    @JsonPropertyDescription("The Ingress added at stage 2: host, class and TLS secret.")
    private IngressSpec ingress = new IngressSpec();

    @Size(max = 32)
    @JsonPropertyDescription("The services split out of the application at stage 8, each routed by path prefix through"
            + " the API gateway. Names and path prefixes must be unique.")
    @ValidationRule(value = "self.all(s, self.filter(o, o.name == s.name).size() == 1)",
            message = "service names must be unique: each names a Deployment, Service and HPA")
    @ValidationRule(value = "self.all(s, self.filter(o, o.pathPrefix == s.pathPrefix).size() == 1)",
            message = "every service needs its own pathPrefix: the API gateway routes by it")
    private List<ServiceSpec> services = new ArrayList<>();

    @Default("{}")
    @JsonPropertyDescription("Per-component overrides of the stage ladder: Auto (the default) follows the stage,"
            + " Enabled adds a component before its stage, Disabled removes a stateless one. Escape hatches, not the"
            + " normal path.")
    private ComponentOverrides components = new ComponentOverrides();

    @Default("{}")
    @JsonPropertyDescription("How the operator watches metrics and moves between stages.")
    private PromotionSpec promotion = new PromotionSpec();

    @Default("Retain")
    @JsonPropertyDescription("What happens to data (the CloudNativePG Cluster, its volumes, the shards' volumes) when this"
            + " ScalingStage is deleted or a data-bearing component is disabled: Retain (the default) keeps it,"
            + " Delete removes it.")
    private Retention retention = Retention.Retain;

    public Integer getStage() {
        return stage;
    }

    public void setStage(Integer stage) {
        this.stage = stage;
    }

    public Integer getMaxStage() {
        return maxStage;
    }

    public void setMaxStage(Integer maxStage) {
        this.maxStage = maxStage;
    }

    public AppSpec getApp() {
        return app;
    }

    public void setApp(AppSpec app) {
        this.app = app;
    }

    public DatabaseSpec getDatabase() {
        return database;
    }

    public void setDatabase(DatabaseSpec database) {
        this.database = database;
    }

    public CacheSpec getCache() {
        return cache;
    }

    public void setCache(CacheSpec cache) {
        this.cache = cache;
    }

    public EdgeSpec getEdge() {
        return edge;
    }

    public void setEdge(EdgeSpec edge) {
        this.edge = edge;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }

    public List<ServiceSpec> getServices() {
        return services;
    }

    public void setServices(List<ServiceSpec> services) {
        this.services = services;
    }

    public ComponentOverrides getComponents() {
        return components;
    }

    public void setComponents(ComponentOverrides components) {
        this.components = components;
    }

    public PromotionSpec getPromotion() {
        return promotion;
    }

    public void setPromotion(PromotionSpec promotion) {
        this.promotion = promotion;
    }

    public Retention getRetention() {
        return retention;
    }

    public void setRetention(Retention retention) {
        this.retention = retention;
    }
}
