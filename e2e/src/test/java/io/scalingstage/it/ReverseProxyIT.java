package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.ReverseProxy;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.testing.NginxServer;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.RecordingUpstream;
import io.scalingstage.testing.Toolchain;

/**
 * The edge cache (stage 4) and the API gateway (stage 8) as Debian's nginx runs them, from the ConfigMap and Deployment
 * the operator generates: what reaches the upstreams, which upstream a path goes to, what is cached, and what the
 * readiness probe sees.
 */
class ReverseProxyIT {

    private static final String NAMESPACE = "shop-ns";
    private static final StagePlan PLAN = StagePlan.of(scalingStage("""
            stage: 8
            app:
              image: registry.example/shop:1.4.2
              resources: {requests: {cpu: 500m}}
              staticPaths: [/static, /assets/]
            services:
            - name: orders
              image: registry.example/orders:2.0.1
              pathPrefix: /api/orders
              resources: {requests: {cpu: 100m}}
            - name: search
              image: registry.example/search:0.9.0
              pathPrefix: /api/search/
              resources: {requests: {cpu: 100m}}
            """));

    @ParameterizedTest
    @ValueSource(strings = {"edge", "gateway"})
    void theSchemeTheIngressSawReachesTheApp(String which) {
        try (RecordingUpstream app = RecordingUpstream.start("app");
                Proxy proxy = Proxy.start(which, Map.of("shop", app.url()))) {
            proxy.site("/checkout", Map.of("X-Forwarded-Proto", "https"));
            assertThat(app.lastRequest().headers()).as("what a TLS Ingress told the proxy").containsEntry("x-forwarded-proto", "https");

            proxy.site("/checkout", Map.of());
            assertThat(app.lastRequest().headers()).as("a request that came without the header").containsEntry("x-forwarded-proto", "http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"edge", "gateway"})
    void theReadinessProbeHitsThePodsOwnHealthAndNoUserPathShadowsTheApps(String which) {
        try (Proxy down = Proxy.start(which, Map.of())) {
            assertThat(down.probe().statusCode()).as("the proxy's readiness while its upstreams are down").isEqualTo(200);
            assertThat(down.site("/", Map.of()).statusCode()).as("the site while every upstream is down").isEqualTo(502);
            assertThat(down.site("/healthz", Map.of()).statusCode()).as("/healthz through the site while every upstream is down")
                    .isEqualTo(502);
        }
        try (RecordingUpstream app = RecordingUpstream.start("app");
                Proxy up = Proxy.start(which, Map.of("shop", app.url()))) {
            HttpResponse<String> health = up.site("/healthz", Map.of());
            assertThat(health.body()).as("the app's own /healthz").isEqualTo("app /healthz");
        }
    }

    @Test
    void theGatewayRoutesAPrefixByWholePathSegments() {
        try (RecordingUpstream app = RecordingUpstream.start("app");
                RecordingUpstream orders = RecordingUpstream.start("orders");
                RecordingUpstream search = RecordingUpstream.start("search");
                Proxy gateway = Proxy.start("gateway", Map.of("shop", app.url(), "shop-orders", orders.url(), "shop-search", search.url()))) {
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("/api/orders", "orders /api/orders");
            expected.put("/api/orders/", "orders /api/orders/");
            expected.put("/api/orders/17", "orders /api/orders/17");
            expected.put("/api/ordersX", "app /api/ordersX");
            expected.put("/api/orders-admin/secret", "app /api/orders-admin/secret");
            // A prefix written with its trailing slash matches as the Ingress's Prefix type does: with or without it.
            expected.put("/api/search", "search /api/search");
            expected.put("/api/search/q", "search /api/search/q");
            expected.put("/api/searchable", "app /api/searchable");
            expected.put("/", "app /");
            expected.forEach((path, body) -> assertThat(gateway.site(path, Map.of()).body()).as(path).isEqualTo(body));
        }
    }

    @Test
    void theEdgeCachesStaticPathsByWholeSegmentsAndNothingElse() {
        try (RecordingUpstream app = RecordingUpstream.start("app");
                Proxy edge = Proxy.start("edge", Map.of("shop", app.url()))) {
            for (String path : List.of("/static/app.css", "/assets/logo.png", "/assets")) {
                HttpResponse<String> first = edge.site(path, Map.of());
                HttpResponse<String> second = edge.site(path, Map.of());
                assertThat(first.headers().firstValue("X-Cache-Status")).as(path + " first").contains("MISS");
                assertThat(second.headers().firstValue("X-Cache-Status")).as(path + " again").contains("HIT");
                assertThat(second.headers().firstValue("Cache-Control")).as(path).contains("public, max-age=86400");
            }
            for (String path : List.of("/staticfoo", "/static-private/report", "/assetsX.js")) {
                HttpResponse<String> response = edge.site(path, Map.of());
                assertThat(response.body()).as(path).isEqualTo("app " + path);
                assertThat(response.headers().firstValue("X-Cache-Status")).as(path + " is not cached").isEmpty();
                assertThat(response.headers().firstValue("Cache-Control")).as(path + " gets no long cache header").isEmpty();
            }
            long origin = app.requests().stream().filter(r -> r.path().equals("/staticfoo")).count();
            edge.site("/staticfoo", Map.of());
            assertThat(app.requests().stream().filter(r -> r.path().equals("/staticfoo")).count()).isEqualTo(origin + 1);
        }
    }

    /** One of the operator's proxies, started from its generated ConfigMap and Deployment. */
    private record Proxy(NginxServer nginx, int sitePort, int probePort, String probePath) implements AutoCloseable {

        /** @param upstreams Service name to local URL; the other Services stand in as down */
        static Proxy start(String which, Map<String, String> upstreams) {
            ReverseProxy proxy = which.equals("edge") ? ReverseProxy.edge(PLAN) : ReverseProxy.gateway(PLAN);
            String config = proxy.configMap().getData().get("nginx.conf");
            Deployment deployment = proxy.deployment();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int site = port(container, "http");
            int probe = port(container, container.getReadinessProbe().getHttpGet().getPort().getStrVal());
            Set<Integer> listen = new LinkedHashSet<>();
            container.getPorts().forEach(port -> listen.add(port.getContainerPort()));
            Map<String, String> local = new LinkedHashMap<>();
            String down = "http://127.0.0.1:" + OperatorProcess.freePort();
            for (String service : List.of("shop", "shop-orders", "shop-search")) {
                String upstream = "http://" + service + "." + NAMESPACE + ".svc:80";
                if (config.contains(upstream)) {
                    local.put(upstream, upstreams.getOrDefault(service, down));
                }
            }
            Path directory = Toolchain.get().logDirectory("reverse-proxy-" + which + "-" + System.nanoTime());
            String cache = container.getVolumeMounts().stream().filter(m -> m.getName().equals("cache"))
                    .map(m -> m.getMountPath()).findFirst().orElse("/nonexistent");
            return new Proxy(NginxServer.start(directory, config, listen, local, cache), site, probe,
                    container.getReadinessProbe().getHttpGet().getPath());
        }

        HttpResponse<String> site(String path, Map<String, String> headers) {
            return nginx.get(sitePort, path, headers);
        }

        /** What the kubelet's readiness probe gets. */
        HttpResponse<String> probe() {
            return nginx.get(probePort, probePath);
        }

        private static int port(Container container, String name) {
            return container.getPorts().stream().filter(p -> p.getName().equals(name)).map(ContainerPort::getContainerPort)
                    .findFirst().orElseThrow(() -> new AssertionError("no port named " + name + " in " + container.getPorts()));
        }

        @Override
        public void close() {
            nginx.close();
        }
    }

    private static ScalingStage scalingStage(String spec) {
        return new KubernetesSerialization().unmarshal("""
                apiVersion: scalingstage.io/v1alpha1
                kind: ScalingStage
                metadata:
                  name: shop
                  namespace: %s
                  uid: 00000000-0000-0000-0000-000000000001
                spec:
                %s""".formatted(NAMESPACE, spec.indent(2)), ScalingStage.class);
    }
}
