package io.scalingstage.operator.metrics;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PromQL over Prometheus's HTTP API: {@code /api/v1/query_range} for a trigger's window and {@code /api/v1/query} for a
 * single point. Queries go as POSTed forms, so a long expression never meets a URL length limit. Every failure becomes
 * a {@link Problem}, never an exception and never a zero.
 */
public final class PrometheusSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final Optional<String> bearerToken;
    private final Duration timeout;

    /**
     * @param client the client, which carries the TLS trust for {@code base}
     * @param base Prometheus's URL, to which {@code /api/v1/...} is appended
     */
    public PrometheusSource(HttpClient client, URI base, Optional<String> bearerToken, Duration timeout) {
        this.client = client;
        this.base = base;
        this.bearerToken = bearerToken;
        this.timeout = timeout;
    }

    /** The query evaluated at every {@code step} from {@code end - length} to {@code end}. */
    public Window range(String query, Instant end, Duration length, Duration step) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("start", seconds(end.minus(length).toEpochMilli()));
        form.put("end", seconds(end.toEpochMilli()));
        form.put("step", seconds(step.toMillis()));
        Answer answer = ask("query_range", form);
        return answer.problem() != null ? Window.failed(end, length, step, answer.problem())
                : window(end, length, step, answer.data(), "matrix");
    }

    /** The query evaluated at one time: a window of length zero. */
    public Window instant(String query, Instant time) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", query);
        form.put("time", seconds(time.toEpochMilli()));
        Answer answer = ask("query", form);
        return answer.problem() != null ? Window.failed(time, Duration.ZERO, Duration.ZERO, answer.problem())
                : window(time, Duration.ZERO, Duration.ZERO, answer.data(), "vector");
    }

    private Answer ask(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Answer.failed(Problem.UNREACHABLE, "Prometheus at " + base + " did not answer within "
                    + timeout.toMillis() / 1000.0 + "s");
        } catch (ConnectException e) {
            return Answer.failed(Problem.UNREACHABLE, "cannot connect to Prometheus at " + base);
        } catch (SSLException e) {
            return Answer.failed(Problem.UNREACHABLE, "TLS with Prometheus at " + base + " failed: " + e.getMessage());
        } catch (IOException e) {
            return Answer.failed(Problem.UNREACHABLE, "cannot reach Prometheus at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(Problem.UNREACHABLE, "interrupted while asking Prometheus at " + base);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            return Answer.failed(Problem.QUERY_FAILED, "Prometheus at " + base + " answered HTTP " + response.statusCode()
                    + " with a body that is not its API's JSON");
        }
        if (!"success".equals(json.path("status").asText())) {
            return Answer.failed(Problem.QUERY_FAILED, "Prometheus at " + base + " rejected the query (HTTP "
                    + response.statusCode() + ", " + json.path("errorType").asText("no error type") + "): "
                    + json.path("error").asText("no message"));
        }
        return Answer.of(json.path("data"));
    }

    private URI endpoint(String name) {
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return base.resolve(path + "/api/v1/" + name);
    }

    /** The samples of the one series an aggregating query returns. */
    private static Window window(Instant end, Duration length, Duration step, JsonNode data, String expectedType) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<Sample> samples = new ArrayList<>();
        if (type.equals("scalar")) {
            samples.add(sample(result));
        } else if (type.equals(expectedType)) {
            if (result.size() > 1) {
                return Window.failed(end, length, step, new Problem(Problem.QUERY_FAILED, "the query returned "
                        + result.size() + " series; a trigger needs exactly one: aggregate it, with sum() or max()"));
            }
            for (JsonNode series : result) {
                if (series.has("value")) {
                    samples.add(sample(series.path("value")));
                }
                series.path("values").forEach(point -> samples.add(sample(point)));
            }
        } else {
            return Window.failed(end, length, step, new Problem(Problem.QUERY_FAILED,
                    "the query returned a " + type + ", not a number"));
        }
        return Window.of(end, length, step, samples);
    }

    /** A {@code [<unix time>, "<value>"]} pair; Prometheus writes NaN and infinities as "NaN", "+Inf" and "-Inf". */
    private static Sample sample(JsonNode point) {
        Instant time = Instant.ofEpochMilli(point.get(0).decimalValue().movePointRight(3).longValue());
        String text = point.get(1).asText();
        double value = switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
        return new Sample(time, value);
    }

    /** Prometheus's times and durations: seconds, with the milliseconds as decimals. */
    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).toPlainString();
    }

    /** Prometheus's data, or why there is none. */
    private record Answer(JsonNode data, Problem problem) {

        static Answer of(JsonNode data) {
            return new Answer(data, null);
        }

        static Answer failed(String reason, String message) {
            return new Answer(null, new Problem(reason, message));
        }
    }
}
