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
        return start(cluster, name, Map.of());
    }

    /** With extra environment for the operator. */
    public static PromotionFixture start(LocalCluster cluster, String name, Map<String, String> operatorEnvironment) {
        Path logs = Toolchain.get().logDirectory(name);
        TestExporter exporter = TestExporter.start();
        PrometheusServer prometheus = PrometheusServer.start(logs.resolve("prometheus"), exporter.target());
        OperatorProcess operator = OperatorProcess.start(OperatorIdentity.kubeconfig(cluster), logs.resolve("operator.log"),
                operatorEnvironment);
        return new PromotionFixture(exporter, prometheus, operator, logs);
    }

    /** {@code spec.promotion.prometheus} for this fixture's Prometheus. */
    public String prometheusSettings() {
        return "{url: \"" + prometheus.url() + "\", scrapeInterval: 1s}";
    }

    /**
     * A ScalingStage {@code shop} at stage 1 evaluated every second, with a 10 s cooldown and the mode, window and
     * {@code spec.promotion.prometheus} given, and any extra lines under {@code spec.promotion} and {@code spec}.
     */
    public static String scalingStage(String mode, String window, String prometheusSettings, String promotionLines,
            String specLines) {
        return """
                apiVersion: scalingstage.io/v1alpha1
                kind: ScalingStage
                metadata: {name: shop}
                spec:
                  stage: 1
                %s  app:
                    image: registry.example/shop:1.4.2
                    staticPaths: [/static]
                    resources: {requests: {cpu: 500m}}
                  promotion:
                    mode: %s
                    interval: 1s
                    for: %s
                    cooldown: 10s
                    prometheus: %s
                %s""".formatted(specLines, mode, window, prometheusSettings, promotionLines);
    }

    @Override
    public void close() {
        operator.close();
        prometheus.close();
        exporter.close();
    }
}
