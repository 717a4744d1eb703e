package io.scalingstage.operator.config;

import java.util.function.Consumer;

import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurationServiceCustomizer;

/**
 * JOSDK's reconcile metrics on /q/metrics. Set here because QOSDK 7.7.3 hands JOSDK its Metrics before the meter
 * registry has bound them, so JOSDK would keep the no-op. The client is passed on too: an overridden configuration
 * would otherwise build a second client of its own.
 */
@Singleton
public class OperatorMetrics implements ConfigurationServiceCustomizer {

    private final MeterRegistry registry;
    private final KubernetesClient client;

    public OperatorMetrics(MeterRegistry registry, KubernetesClient client) {
        this.registry = registry;
        this.client = client;
    }

    @Override
    public Consumer<ConfigurationServiceOverrider> overrider() {
        return overrider -> overrider
                .withKubernetesClient(client)
                .withMetrics(MicrometerMetricsV2.newBuilder(registry).build());
    }
}
