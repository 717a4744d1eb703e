package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One promotion decision and the evidence behind it. */
public class PromotionDecision {

    @JsonPropertyDescription("When the decision was made (RFC 3339).")
    private String time;

    @JsonPropertyDescription("BelowThreshold, Fired (Manual mode), Recommended, Promoted, HeldMissingData, HeldCooldown or HeldMaxStage.")
    private String decision;

    @JsonPropertyDescription("The stage the decision was made at.")
    private Integer fromStage;

    @JsonPropertyDescription("The stage recommended or promoted to.")
    private Integer toStage;

    @JsonPropertyDescription("The PromQL query (or metrics API read) evaluated.")
    private String query;

    @JsonPropertyDescription("The lowest sample in the window.")
    private Double min;

    @JsonPropertyDescription("The highest sample in the window.")
    private Double max;

    @JsonPropertyDescription("The newest sample.")
    private Double last;

    @JsonPropertyDescription("The threshold compared against.")
    private Double threshold;

    @JsonPropertyDescription("The window the samples cover, as a duration.")
    private String window;

    @JsonPropertyDescription("The decision in one sentence.")
    private String message;

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public Integer getFromStage() {
        return fromStage;
    }

    public void setFromStage(Integer fromStage) {
        this.fromStage = fromStage;
    }

    public Integer getToStage() {
        return toStage;
    }

    public void setToStage(Integer toStage) {
        this.toStage = toStage;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Double getMin() {
        return min;
    }

    public void setMin(Double min) {
        this.min = min;
    }

    public Double getMax() {
        return max;
    }

    public void setMax(Double max) {
        this.max = max;
    }

    public Double getLast() {
        return last;
    }

    public void setLast(Double last) {
        this.last = last;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
