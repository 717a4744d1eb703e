package io.scalingstage.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where Prometheus is and how to reach it. */
public class PrometheusSpec {

    @Required
    @Size(max = 2048)
    @Pattern("^https?://[^\\s]+$")
    @JsonPropertyDescription("The base URL of Prometheus's HTTP API, for example http://prometheus.monitoring:9090.")
    private String url;

    @JsonPropertyDescription("A Secret key holding a bearer token sent with every query.")
    private KeyRef bearerTokenSecret;

    @JsonPropertyDescription("A Secret key holding the PEM CA bundle that signs Prometheus's certificate (https URLs).")
    private KeyRef caSecret;

    @Default("10s")
    @Pattern(Formats.DURATION)
    @JsonPropertyDescription("How long one query may take; a timeout is Unknown data, never zero.")
    private String timeout = "10s";

    @Default("30s")
    @Pattern(Formats.DURATION)
    @ValidationRule(value = "duration(self) >= duration('1s')", message = "scrapeInterval must be at least 1s")
    @JsonPropertyDescription("How often Prometheus scrapes the series the triggers read. The default triggers take rates "
            + "over four scrape intervals (or one evaluation interval, if longer), so each rate has enough samples.")
    private String scrapeInterval = "30s";

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public KeyRef getBearerTokenSecret() {
        return bearerTokenSecret;
    }

    public void setBearerTokenSecret(KeyRef bearerTokenSecret) {
        this.bearerTokenSecret = bearerTokenSecret;
    }

    public KeyRef getCaSecret() {
        return caSecret;
    }

    public void setCaSecret(KeyRef caSecret) {
        this.caSecret = caSecret;
    }

    public String getScrapeInterval() {
        return scrapeInterval;
    }

    public void setScrapeInterval(String scrapeInterval) {
        this.scrapeInterval = scrapeInterval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
