package io.scalingstage.operator.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Pod CPU from the {@code metrics.k8s.io} API (metrics-server), for clusters without Prometheus: the CPU one container
 * of the selected pods uses, as a share of what those pods request. The API keeps no history, so each read is one
 * point; the caller keeps the window.
 */
public final class PodCpuSource {

    /** Eight refreshes of metrics-server's default 15 s resolution: older data means its scrapes stopped. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final KubernetesClient client;

    public PodCpuSource(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @param request the CPU request of the container in each pod
     * @return a window of length zero: the utilization now, or why it is unknown
     */
    public Window utilization(String namespace, Map<String, String> selector, String container, Quantity request,
            Instant now) {
        List<PodMetrics> pods;
        try {
            pods = client.top().pods().inNamespace(namespace).withLabels(selector).metrics().getItems();
        } catch (KubernetesClientException e) {
            return point(now, new Problem(Problem.UNREACHABLE, e.getCode() == 404
                    ? "the API server does not serve metrics.k8s.io: install metrics-server, or set spec.promotion.prometheus"
                    : "the metrics.k8s.io API failed (HTTP " + e.getCode() + "): "
                            + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage())));
        }
        BigDecimal used = BigDecimal.ZERO;
        int measured = 0;
        for (PodMetrics pod : pods) {
            if (Duration.between(Instant.parse(pod.getTimestamp()), now).compareTo(STALE_AFTER) > 0) {
                return point(now, new Problem(Problem.STALE, "metrics.k8s.io has no CPU reading of pod "
                        + pod.getMetadata().getName() + " from the last " + STALE_AFTER.toMinutes() + " minutes"));
            }
            for (ContainerMetrics metrics : pod.getContainers()) {
                if (metrics.getName().equals(container) && metrics.getUsage().containsKey("cpu")) {
                    used = used.add(metrics.getUsage().get("cpu").getNumericalAmount());
                    measured++;
                }
            }
        }
        if (measured == 0) {
            return point(now, new Problem(Problem.NO_DATA, "metrics.k8s.io has no CPU reading of the " + container
                    + " container yet"));
        }
        BigDecimal requested = request.getNumericalAmount().multiply(BigDecimal.valueOf(measured));
        return Window.of(now, Duration.ZERO, Duration.ZERO, List.of(new Sample(now, used.doubleValue() / requested.doubleValue())));
    }

    private static Window point(Instant now, Problem problem) {
        return Window.failed(now, Duration.ZERO, Duration.ZERO, problem);
    }
}
