package io.scalingstage.operator.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.Stage;

class TriggersTest {

    private static final ScalingStage SHOP = ScalingStages.atStage(1, """
            promotion: {interval: 15s, for: 10m, prometheus: {url: 'http://prometheus:9090', scrapeInterval: 30s}}
            """);

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5, 6 })
    void everyStageUpToSixShipsATriggerWithEveryPlaceholderFilled(int stage) {
        Trigger trigger = Triggers.exitOf(SHOP, Stage.of(stage)).orElseThrow();

        assertThat(trigger.stage()).isEqualTo(Stage.of(stage));
        assertThat(trigger.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(trigger.query()).doesNotContain("{namespace}", "{name}", "{app_pods}", "{database}", "{database_pods}",
                "{static_paths}", "{rate_window}", "\n", "  ");
        assertThat(trigger.query()).contains("namespace=\"shop-ns\"");
        assertThat(trigger.description()).isNotBlank();
    }

    @Test
    void theDefaultsReadTheExportersOwnNames() {
        assertThat(query(1)).isEqualTo("sum(rate(container_cpu_usage_seconds_total{namespace=\"shop-ns\", "
                + "pod=~\"shop-[a-z0-9]+-[a-z0-9]{5}\", container=\"app\"}[2m])) / sum(kube_pod_container_resource_requests{"
                + "namespace=\"shop-ns\", pod=~\"shop-[a-z0-9]+-[a-z0-9]{5}\", container=\"app\", resource=\"cpu\"})");
        assertThat(query(3)).contains("nginx_ingress_controller_response_size_sum{namespace=\"shop-ns\", ingress=\"shop\", "
                + "path=~\"/static\"}");
        assertThat(query(4)).contains("container=\"postgres\"", "pod=~\"shop-db-[0-9]+\"", "cnpg_pg_replication_in_recovery",
                "cnpg_pg_stat_database_tup_returned", "cnpg_pg_stat_database_tup_deleted", "> bool 0.8");
        assertThat(query(5)).startsWith("max(label_replace(").contains("cnpg_backends_total",
                "cnpg_pg_settings_setting{namespace=\"shop-ns\", pod=~\"shop-db-[0-9]+\", name=\"max_connections\"}",
                "\"signal\", \"connections\"", "/ 0.8");
        assertThat(query(6)).contains("kubelet_volume_stats_used_bytes{namespace=\"shop-ns\", "
                + "persistentvolumeclaim=~\"shop-db-[0-9]+\"}", "kubelet_volume_stats_capacity_bytes", "\"signal\", \"storage\"");
        assertThat(Triggers.exitOf(SHOP, Stage.ONE_BOX).orElseThrow().podCpu()).isTrue();
        assertThat(Triggers.exitOf(SHOP, Stage.LOAD_BALANCED).orElseThrow().podCpu()).isFalse();
    }

    @Test
    void noMetricLeadsOutOfStagesSevenAndEight() {
        assertThat(Triggers.exitOf(SHOP, Stage.SHARDED)).isEmpty();
        assertThat(Triggers.exitOf(SHOP, Stage.DISTRIBUTED)).isEmpty();
    }

    @Test
    void aTriggerInSpecReplacesTheDefaultWithItsOwnWindow() {
        ScalingStage resource = ScalingStages.atStage(2, """
                promotion:
                  for: 10m
                  triggers:
                  - {stage: 2, query: 'histogram_quantile(0.99, sum by (le) (rate(http_duration_seconds_bucket{namespace="{namespace}", pod=~"{app_pods}"}[{rate_window}])))', threshold: 0.5, for: 2m}
                """);

        Trigger trigger = Triggers.exitOf(resource, Stage.SPLIT_TIERS).orElseThrow();

        assertThat(trigger.query()).isEqualTo("histogram_quantile(0.99, sum by (le) (rate(http_duration_seconds_bucket{"
                + "namespace=\"shop-ns\", pod=~\"shop-[a-z0-9]+-[a-z0-9]{5}\"}[30s])))");
        assertThat(trigger.threshold()).isEqualTo(0.5);
        assertThat(trigger.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(trigger.podCpu()).isFalse();
        assertThat(Triggers.exitOf(resource, Stage.ONE_BOX).orElseThrow().window()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void staticPathsBecomeOneEscapedAlternation() {
        ScalingStage resource = ScalingStages.withSpec("""
                stage: 3
                app: {image: registry.example/shop:1.4.2, staticPaths: [/static, /assets/v1.2, /c++]}
                """);

        assertThat(Triggers.exitOf(resource, Stage.LOAD_BALANCED).orElseThrow().query())
                .contains("path=~\"/static|/assets/v1\\\\.2|/c\\\\+\\\\+\"");
    }

    @Test
    void aRateSpansFourScrapesOrOneInterval() {
        assertThat(Triggers.render("{rate_window}", ScalingStages.atStage(1,
                "promotion: {interval: 1s, prometheus: {url: 'http://p:9090', scrapeInterval: 1s}}"))).isEqualTo("4s");
        assertThat(Triggers.render("{rate_window}", ScalingStages.atStage(1,
                "promotion: {interval: 5m, prometheus: {url: 'http://p:9090', scrapeInterval: 30s}}"))).isEqualTo("5m");
        assertThat(Triggers.render("{rate_window}", ScalingStages.atStage(1,
                "promotion: {interval: 1500ms, prometheus: {url: 'http://p:9090', scrapeInterval: 250ms}}"))).isEqualTo("1500ms");
    }

    private static String query(int stage) {
        return Triggers.exitOf(ScalingStages.withSpec("""
                stage: %d
                app: {image: registry.example/shop:1.4.2, staticPaths: [/static]}
                promotion: {interval: 15s, prometheus: {url: 'http://prometheus:9090', scrapeInterval: 30s}}
                """.formatted(stage)), Stage.of(stage)).orElseThrow().query();
    }
}
