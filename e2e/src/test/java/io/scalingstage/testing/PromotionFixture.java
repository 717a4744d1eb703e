package io.scalingstage.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a promotion test runs beside its cluster: the test exporter, a real Prometheus scraping it every second, and
 * the operator, each logging under {@code e2e/target/test-logs/<name>}.
 */
public record PromotionFixture(TestExporter exporter, PrometheusServer prometheus, OperatorProcess operator, Path logs)
        implements AutoCloseable {

    public static PromotionFixture start(LocalCluster cluster, String name) {
        Path logs = Toolchain.get().logDirectory(name);
        TestExporter exporter = TestExporter.start();
        PrometheusServer prometheus = PrometheusServer.start(logs.resolve("prometheus"), exporter.target());
        OperatorProcess operator = OperatorProcess.start(OperatorIdentity.kubeconfig(cluster), logs.resolve("operator.log"),
                Map.of());
        return new PromotionFixture(exporter, prometheus, operator, logs);
    }

    @Override
    public void close() {
        operator.close();
        prometheus.close();
        exporter.close();
    }
}
