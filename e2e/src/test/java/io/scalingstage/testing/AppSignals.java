package io.scalingstage.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The series the default triggers read, for one ScalingStage named {@code shop} in one namespace, set through the
 * test exporter in the units a person thinks in (a share of the CPU request, a share of the bytes, ...). Each setter
 * turns the figure into the raw series cAdvisor, kube-state-metrics, ingress-nginx, CloudNativePG's exporter and the
 * kubelet would publish, so the queries the operator sends are the real ones.
 */
public final class AppSignals {

    private static final String APP_POD = "shop-6f7c9d8b5-x2k4q";
    private static final String PRIMARY = "shop-db-1";
    private static final double APP_REQUEST = 0.5;
    private static final double DATABASE_REQUEST = 1.0;
    private static final double BYTES_PER_SECOND = 1_000_000;
    private static final double ROWS_PER_SECOND = 10_000;
    private static final double MAX_CONNECTIONS = 100;
    private static final double VOLUME_BYTES = 10e9;

    private final TestExporter exporter;
    private final String namespace;

    public AppSignals(TestExporter exporter, String namespace) {
        this.exporter = exporter;
        this.namespace = namespace;
        exporter.gauge("kube_pod_container_resource_requests", labels("pod", APP_POD, "container", "app", "resource", "cpu"),
                APP_REQUEST);
        exporter.gauge("kube_pod_container_resource_requests",
                labels("pod", PRIMARY, "container", "postgres", "resource", "cpu"), DATABASE_REQUEST);
        exporter.gauge("cnpg_pg_replication_in_recovery", labels("pod", PRIMARY), 0);
        exporter.gauge("cnpg_pg_settings_setting", labels("pod", PRIMARY, "name", "max_connections"), MAX_CONNECTIONS);
        exporter.gauge("kubelet_volume_stats_capacity_bytes", labels("persistentvolumeclaim", PRIMARY), VOLUME_BYTES);
        appCpu(0.1).staticShare(0.1).databaseCpu(0.1).readShare(0.5).connections(0.1).storage(0.1);
    }

    /** The app's CPU use over its request. */
    public AppSignals appCpu(double utilization) {
        exporter.counter("container_cpu_usage_seconds_total", labels("pod", APP_POD, "container", "app"),
                utilization * APP_REQUEST);
        return this;
    }

    /** The share of the Ingress's bytes that are under the static path /static. */
    public AppSignals staticShare(double share) {
        exporter.counter("nginx_ingress_controller_response_size_sum", labels("ingress", "shop", "path", "/static"),
                share * BYTES_PER_SECOND);
        exporter.counter("nginx_ingress_controller_response_size_sum", labels("ingress", "shop", "path", "/"),
                (1 - share) * BYTES_PER_SECOND);
        return this;
    }

    /** The primary's CPU use over its request. */
    public AppSignals databaseCpu(double utilization) {
        exporter.counter("container_cpu_usage_seconds_total", labels("pod", PRIMARY, "container", "postgres"),
                utilization * DATABASE_REQUEST);
        return this;
    }

    /** Rows read over rows touched. */
    public AppSignals readShare(double share) {
        exporter.counter("cnpg_pg_stat_database_tup_returned", labels("pod", PRIMARY, "datname", "app"),
                share * ROWS_PER_SECOND);
        double writes = (1 - share) * ROWS_PER_SECOND / 3;
        for (String kind : new String[] { "inserted", "updated", "deleted" }) {
            exporter.counter("cnpg_pg_stat_database_tup_" + kind, labels("pod", PRIMARY, "datname", "app"), writes);
        }
        return this;
    }

    /** The primary's connections over max_connections. */
    public AppSignals connections(double share) {
        exporter.gauge("cnpg_backends_total", labels("pod", PRIMARY, "datname", "app", "usename", "app", "state", "active"),
                Math.round(share * MAX_CONNECTIONS));
        return this;
    }

    /** The primary's data volume: used over capacity. */
    public AppSignals storage(double share) {
        exporter.gauge("kubelet_volume_stats_used_bytes", labels("persistentvolumeclaim", PRIMARY), share * VOLUME_BYTES);
        return this;
    }

    /**
     * The demo's exporter: serves the series of ScalingStage {@code shop} in a namespace on a port, and reads lines
     * such as {@code appCpu 0.9} from standard input to change them.
     *
     * <p>{@code java -cp e2e/target/test-classes io.scalingstage.testing.AppSignals PORT NAMESPACE}
     */
    public static void main(String[] args) throws IOException {
        AppSignals signals = new AppSignals(TestExporter.start(Integer.parseInt(args[0])), args[1]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words.length != 2) {
                continue;
            }
            double value = Double.parseDouble(words[1]);
            switch (words[0]) {
                case "appCpu" -> signals.appCpu(value);
                case "staticShare" -> signals.staticShare(value);
                case "databaseCpu" -> signals.databaseCpu(value);
                case "readShare" -> signals.readShare(value);
                case "connections" -> signals.connections(value);
                case "storage" -> signals.storage(value);
                default -> System.err.println("unknown signal " + words[0]);
            }
        }
    }

    private Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new HashMap<>();
        labels.put("namespace", namespace);
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
