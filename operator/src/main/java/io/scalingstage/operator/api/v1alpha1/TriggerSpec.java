package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A replacement for the default exit trigger of one stage. */
public class TriggerSpec {

    @Required
    @Min(1)
    @Max(7)
    @JsonPropertyDescription("The stage whose exit this trigger decides (7 only ever recommends stage 8).")
    private Integer stage;

    @Required
    @Size(min = 1, max = 4096)
    @JsonPropertyDescription("A PromQL expression returning one series. Before it is sent, {namespace} and {name} become "
            + "the ScalingStage's namespace and name, {app_pods} and {database_pods} regular expressions matching the app's "
            + "and the database's pods (the database's also match its data volumes' claims), {database} the CloudNativePG "
            + "Cluster's name, {static_paths} one matching spec.app.staticPaths, and {rate_window} a range for rate().")
    private String query;

    @Required
    @JsonPropertyDescription("The value the query must stay above for the whole window.")
    private Double threshold;

    @JsonProperty("for")
    @Pattern(Formats.DURATION)
    @JsonPropertyDescription("How long the query must stay above the threshold; unset uses spec.promotion.for.")
    private String forDuration;

    public Integer getStage() {
        return stage;
    }

    public void setStage(Integer stage) {
        this.stage = stage;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public String getForDuration() {
        return forDuration;
    }

    public void setForDuration(String forDuration) {
        this.forDuration = forDuration;
    }
}
