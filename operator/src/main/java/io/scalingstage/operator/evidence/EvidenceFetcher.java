package io.scalingstage.operator.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource.ResourceFetcher;
import io.scalingstage.operator.api.v1alpha1.ComputeResources;
import io.scalingstage.operator.api.v1alpha1.PromotionSpec;
import io.scalingstage.operator.api.v1alpha1.ResourceAmounts;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.App;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.desired.Labels;
import io.scalingstage.operator.metrics.PodCpuSource;
import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.metrics.PrometheusSource;
import io.scalingstage.operator.metrics.Window;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.Stage;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.promotion.Evidence;
import io.scalingstage.operator.promotion.Headroom;
import io.scalingstage.operator.promotion.Trigger;
import io.scalingstage.operator.promotion.Triggers;
import io.scalingstage.operator.telemetry.PromotionGauges;

/**
 * Evaluates a ScalingStage's current exit trigger every spec.promotion.interval, off the reconcile threads: one range
 * query over the trigger's window, plus, once per window, an instant query of how the stage below's trigger has fared.
 * Without Prometheus, the app's CPU comes from metrics.k8s.io and its window from {@link PodCpuHistory}.
 */
@ApplicationScoped
public class EvidenceFetcher implements ResourceFetcher<Evidence, ScalingStage> {

    private static final Logger LOG = Logger.getLogger(EvidenceFetcher.class);

    private final Clock clock;
    private final PromotionGauges gauges;
    private final PrometheusEndpoints endpoints;
    private final PodCpuSource podCpu;
    private final PodCpuHistory history = new PodCpuHistory();
    private final Map<ResourceID, Headroom> headrooms = new ConcurrentHashMap<>();

    public EvidenceFetcher(KubernetesClient client, Clock clock, PromotionGauges gauges) {
        this.clock = clock;
        this.gauges = gauges;
        this.endpoints = new PrometheusEndpoints(client, clock);
        this.podCpu = new PodCpuSource(client);
    }

    @Override
    public Set<Evidence> fetchResources(ScalingStage resource) {
        ResourceID id = ResourceID.fromResource(resource);
        Stage stage = StagePlan.effectiveStage(resource);
        Optional<Trigger> exit = Triggers.exitOf(resource, stage);
        if (exit.isEmpty()) {
            gauges.trigger(id, Double.NaN, Double.NaN);
            return Set.of();
        }
        Trigger trigger = exit.get();
        String source = trigger.source(resource.getSpec().getPromotion());
        Instant now = clock.instant();
        Evidence evidence;
        try {
            evidence = evaluate(id, resource, stage, trigger, source, now);
        } catch (RuntimeException e) {
            // Never thrown on: JOSDK would stop polling this ScalingStage.
            LOG.warnf(e, "Evaluating the exit trigger of ScalingStage %s failed", id);
            evidence = new Evidence(trigger, source, now, Window.failed(now, trigger.window(), interval(resource),
                    new Problem(Problem.QUERY_FAILED, "the evaluation failed: " + e.getMessage())), Optional.empty());
        }
        gauges.trigger(id, evidence.window().last().orElse(Double.NaN), trigger.threshold());
        return Set.of(evidence);
    }

    /** The first evaluation at once, then one per interval after the last one ended. */
    @Override
    public Optional<Duration> fetchDelay(Set<Evidence> lastFetched, ScalingStage resource) {
        return Optional.of(lastFetched == null ? Duration.ZERO : interval(resource));
    }

    /** Drops what is kept for a deleted ScalingStage. */
    void forget(ScalingStage resource) {
        ResourceID id = ResourceID.fromResource(resource);
        history.forget(id);
        headrooms.remove(id);
        gauges.forget(id);
        PromotionSpec promotion = resource.getSpec().getPromotion();
        if (promotion.getPrometheus() != null) {
            endpoints.forget(resource.getMetadata().getNamespace(), promotion.getPrometheus());
        }
    }

    private Evidence evaluate(ResourceID id, ScalingStage resource, Stage stage, Trigger trigger, String source,
            Instant now) {
        PromotionSpec promotion = resource.getSpec().getPromotion();
        Duration interval = interval(resource);
        if (promotion.getPrometheus() != null) {
            gauges.evaluated("prometheus");
            PrometheusEndpoints.Endpoint endpoint = endpoints.of(resource.getMetadata().getNamespace(), promotion.getPrometheus());
            if (endpoint.problem() != null) {
                return new Evidence(trigger, source, now,
                        Window.failed(now, trigger.window(), interval, endpoint.problem()), Optional.empty());
            }
            Window window = endpoint.source().range(trigger.query(), now, trigger.window(), interval);
            return new Evidence(trigger, source, now, window,
                    headroom(id, resource, stage, endpoint.source(), interval, now));
        }
        if (trigger.podCpu()) {
            gauges.evaluated("metrics.k8s.io");
            Window point = appCpu(resource, now);
            return new Evidence(trigger, source, now,
                    history.record(id, trigger.toString(), point, trigger.window(), interval), Optional.empty());
        }
        gauges.evaluated("none");
        return new Evidence(trigger, source, now, Window.failed(now, trigger.window(), interval,
                new Problem(Problem.NOT_CONFIGURED, "this trigger is PromQL and spec.promotion.prometheus is unset")),
                Optional.empty());
    }

    private Window appCpu(ScalingStage resource, Instant now) {
        Quantity request = Optional.ofNullable(resource.getSpec().getApp().getResources())
                .map(ComputeResources::getRequests).map(ResourceAmounts::getCpu).orElse(null);
        if (request == null) {
            return Window.failed(now, Duration.ZERO, Duration.ZERO, new Problem(Problem.NOT_CONFIGURED,
                    "spec.app.resources.requests.cpu is unset, and CPU utilization is measured against it"));
        }
        StagePlan plan = StagePlan.of(resource);
        return podCpu.utilization(plan.namespace(), Labels.selector(plan, Component.APP), App.CONTAINER, request, now);
    }

    /**
     * The stage below's trigger over {@link Headroom#WINDOWS} of its windows, asked again once per window: its peak
     * moves slowly, and asking every interval would multiply Prometheus's work by the span's steps.
     */
    private Optional<Headroom> headroom(ResourceID id, ScalingStage resource, Stage stage, PrometheusSource source,
            Duration step, Instant now) {
        if (stage == Stage.ONE_BOX) {
            return Optional.empty();
        }
        Optional<Trigger> below = Triggers.exitOf(resource, Stage.of(stage.number() - 1));
        if (below.isEmpty()) {
            return Optional.empty();
        }
        Headroom cached = headrooms.get(id);
        if (cached != null && cached.below().equals(below.get())
                && now.isBefore(cached.peak().end().plus(below.get().window()))) {
            return Optional.of(cached);
        }
        Duration span = Headroom.spanOf(below.get());
        String range = "[" + Durations.format(span) + ":" + Durations.format(step) + "]";
        String query = "max_over_time((" + below.get().query() + ")" + range + ") and on() (count_over_time(("
                + below.get().query() + ")" + range + ") >= " + span.toMillis() / step.toMillis() + ")";
        Headroom headroom = new Headroom(below.get(), span, source.instant(query, now));
        headrooms.put(id, headroom);
        return Optional.of(headroom);
    }

    private static Duration interval(ScalingStage resource) {
        return Durations.parse(resource.getSpec().getPromotion().getInterval());
    }
}
