package io.scalingstage.operator.promotion;

import java.util.Optional;

import io.scalingstage.operator.plan.Stage;

/**
 * The exit trigger each stage ships with (DESIGN.md, section 3), written against the names the exporters publish. They
 * assume the exporters' own labels survive the scrape (honor_labels, as kube-prometheus scrapes kube-state-metrics);
 * where a cluster labels them otherwise, spec.promotion.triggers replaces them. Triggers that say "or" are one number:
 * each signal divided by its own limit, the largest taken, so 1.0 is the first limit reached.
 */
final class DefaultTriggers {

    /**
     * CPU the app's containers use, over what they request.
     * cAdvisor: container_cpu_usage_seconds_total{namespace, pod, container}, a counter of CPU seconds.
     * kube-state-metrics: kube_pod_container_resource_requests{namespace, pod, container, resource="cpu"} in cores.
     */
    private static final String APP_CPU = """
            sum(rate(container_cpu_usage_seconds_total{namespace="{namespace}", pod=~"{app_pods}", container="app"}[{rate_window}]))
            / sum(kube_pod_container_resource_requests{namespace="{namespace}", pod=~"{app_pods}", container="app", resource="cpu"})
            """;

    /**
     * The share of the bytes the Ingress sends that belong to spec.app.staticPaths. ingress-nginx:
     * nginx_ingress_controller_response_size_sum{namespace, ingress, path} (its successor of the deprecated
     * nginx_ingress_controller_bytes_sent), where path is the Ingress rule's path; the app's Ingress carries a rule per
     * static path from stage 2 so the split is measurable. A static path that served nothing has no series yet: it
     * counts as zero only while the Ingress is serving traffic, so a silent Ingress stays Unknown.
     */
    private static final String STATIC_SHARE = """
            (
              sum(rate(nginx_ingress_controller_response_size_sum{namespace="{namespace}", ingress="{name}", path=~"{static_paths}"}[{rate_window}]))
              or on() (0 * sum(rate(nginx_ingress_controller_response_size_sum{namespace="{namespace}", ingress="{name}"}[{rate_window}])))
            )
            / sum(rate(nginx_ingress_controller_response_size_sum{namespace="{namespace}", ingress="{name}"}[{rate_window}]))
            """;

    /**
     * The primary's CPU over its request. cAdvisor and kube-state-metrics as for the app, on CloudNativePG's container
     * "postgres"; CloudNativePG's exporter: cnpg_pg_replication_in_recovery is 0 on the primary only.
     */
    private static final String PRIMARY_CPU = """
            max(
              (sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="{namespace}", pod=~"{database_pods}", container="postgres"}[{rate_window}]))
               / sum by (pod) (kube_pod_container_resource_requests{namespace="{namespace}", pod=~"{database_pods}", container="postgres", resource="cpu"}))
              and on(pod) (cnpg_pg_replication_in_recovery{namespace="{namespace}", pod=~"{database_pods}"} == 0)
            )
            """;

    /**
     * Rows read over rows touched. CloudNativePG's default pg_stat_database queries: the counters
     * cnpg_pg_stat_database_tup_returned, _tup_inserted, _tup_updated and _tup_deleted, by datname.
     */
    private static final String READ_SHARE = """
            (
              sum(rate(cnpg_pg_stat_database_tup_returned{namespace="{namespace}", pod=~"{database_pods}"}[{rate_window}]))
              / (
                sum(rate(cnpg_pg_stat_database_tup_returned{namespace="{namespace}", pod=~"{database_pods}"}[{rate_window}]))
                + sum(rate(cnpg_pg_stat_database_tup_inserted{namespace="{namespace}", pod=~"{database_pods}"}[{rate_window}]))
                + sum(rate(cnpg_pg_stat_database_tup_updated{namespace="{namespace}", pod=~"{database_pods}"}[{rate_window}]))
                + sum(rate(cnpg_pg_stat_database_tup_deleted{namespace="{namespace}", pod=~"{database_pods}"}[{rate_window}]))
              )
            )
            """;

    /**
     * The primary's connections over max_connections. CloudNativePG's exporter: cnpg_backends_total (by datname,
     * usename, state) and cnpg_pg_settings_setting{name="max_connections"}.
     */
    private static final String CONNECTIONS = """
            (
              sum(cnpg_backends_total{namespace="{namespace}", pod=~"{database_pods}"}
                and on(pod) (cnpg_pg_replication_in_recovery{namespace="{namespace}", pod=~"{database_pods}"} == 0))
              / max(cnpg_pg_settings_setting{namespace="{namespace}", pod=~"{database_pods}", name="max_connections"})
            )
            """;

    /**
     * The fullest data volume of the database. The kubelet's volume stats (its /metrics, not cAdvisor's):
     * kubelet_volume_stats_used_bytes and kubelet_volume_stats_capacity_bytes by persistentvolumeclaim, named like the
     * instances.
     */
    private static final String STORAGE = """
            max(
              kubelet_volume_stats_used_bytes{namespace="{namespace}", persistentvolumeclaim=~"{database_pods}"}
              / kubelet_volume_stats_capacity_bytes{namespace="{namespace}", persistentvolumeclaim=~"{database_pods}"}
            )
            """;

    private DefaultTriggers() {
    }

    static Optional<Template> of(Stage stage) {
        return Optional.ofNullable(switch (stage) {
            case ONE_BOX -> new Template("the app's CPU above 70% of its request", APP_CPU, 0.7, true);
            case SPLIT_TIERS -> new Template("the app's one pod above 70% of its CPU request: it cannot take the peak",
                    APP_CPU, 0.7, true);
            case LOAD_BALANCED -> new Template("static paths above half of the bytes the Ingress sends", STATIC_SHARE, 0.5,
                    false);
            case STATIC_EDGE -> new Template("the database's CPU above 70% of its request with reads above 80% of the rows "
                    + "it touches: hot repeated reads", PRIMARY_CPU + " * on() (" + READ_SHARE + " > bool 0.8)", 0.7, false);
            case CACHE -> new Template("the primary's CPU above 70% of its request with reads the majority, or its "
                    + "connections above 80% of max_connections (1.0: the first limit reached)",
                    firstLimit(signal("cpu", PRIMARY_CPU + " * on() (" + READ_SHARE + " > bool 0.5)", 0.7),
                            signal("connections", CONNECTIONS, 0.8)), 1.0, false);
            case READ_REPLICAS -> new Template("the write primary's CPU above 70% of its request even with replicas, or "
                    + "its volume above 80% full (1.0: the first limit reached)",
                    firstLimit(signal("cpu", PRIMARY_CPU, 0.7), signal("storage", STORAGE, 0.8)), 1.0, false);
            // Team coordination is not a metric: stage 7 has no default, and stage 8 is the last.
            case SHARDED, DISTRIBUTED -> null;
        });
    }

    /** The largest of several signals, each already over its own limit. */
    private static String firstLimit(String... signals) {
        return "max(" + String.join(" or ", signals) + ")";
    }

    /** One signal over its limit, labelled so that "or" keeps it apart from the others. */
    private static String signal(String name, String query, double limit) {
        return "label_replace(" + query + ", \"signal\", \"" + name + "\", \"\", \"\") / " + limit;
    }

    record Template(String description, String query, double threshold, boolean podCpu) {
    }
}
