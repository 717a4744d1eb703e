package io.scalingstage.operator.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.scalingstage.operator.api.v1alpha1.EdgeSpec;
import io.scalingstage.operator.api.v1alpha1.ServiceSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * An nginx reverse proxy the operator runs: the edge cache of stage 4 (static paths cached in front of the app) and
 * the API gateway of stage 8 (path prefixes routed to the split-out services). Same nginx, same pod, other routes.
 *
 * @param plan the plan it belongs to
 * @param component EDGE or SERVICES
 * @param name the name of its ConfigMap, Deployment and Service
 * @param routes the path prefixes it routes, in order
 * @param fallback the Service everything else goes to
 * @param cache the cache settings, or null for a proxy that does not cache
 */
public record ReverseProxy(StagePlan plan, Component component, String name, List<Route> routes, String fallback, EdgeSpec cache) {

    static final String CONFIG_KEY = "nginx.conf";
    /** nginx-unprivileged's own user. */
    static final long NGINX_USER = 101;
    static final int PORT = 8080;
    /**
     * nginx's own health answers on a port of its own: on the site's port, {@code /healthz} would shadow the app's path
     * of that name and report the whole site healthy while every upstream is down.
     */
    static final int HEALTH_PORT = 8081;
    static final String HEALTH_PORT_NAME = "health";
    static final String HEALTH_PATH = "/healthz";
    static final int REPLICAS = 2;
    static final String CACHE_DIRECTORY = "/var/cache/nginx";

    /**
     * A path prefix and the Service it goes to.
     *
     * @param prefix the URL path prefix
     * @param upstream the Service's name
     * @param cached whether responses are cached
     */
    public record Route(String prefix, String upstream, boolean cached) {
    }

    /** Stage 4: static paths through the cache to the app, everything else straight to the app. */
    public static ReverseProxy edge(StagePlan plan) {
        String app = Names.app(plan);
        List<Route> routes = plan.resource().getSpec().getApp().getStaticPaths().stream()
                .map(path -> new Route(path, app, true)).toList();
        return new ReverseProxy(plan, Component.EDGE, Names.edge(plan), routes, app, plan.resource().getSpec().getEdge());
    }

    /** Stage 8: each service's path prefix to it, everything else to the app. */
    public static ReverseProxy gateway(StagePlan plan) {
        List<Route> routes = plan.resource().getSpec().getServices().stream()
                .map((ServiceSpec service) -> new Route(service.getPathPrefix(), Names.service(plan, service.getName()), false))
                .toList();
        return new ReverseProxy(plan, Component.SERVICES, Names.gateway(plan), routes, Names.app(plan), null);
    }

    public ConfigMap configMap() {
        return new ConfigMapBuilder()
                .withMetadata(Metadata.of(plan, component, name, false, selector()))
                .addToData(CONFIG_KEY, config())
                .build();
    }

    public Deployment deployment() {
        EdgeSpec image = plan.resource().getSpec().getEdge();
        List<Volume> volumes = new ArrayList<>(List.of(
                new VolumeBuilder().withName("config").withNewConfigMap().withName(name).endConfigMap().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build()));
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                new VolumeMountBuilder().withName("config").withMountPath("/etc/nginx/" + CONFIG_KEY).withSubPath(CONFIG_KEY)
                        .withReadOnly(true).build(),
                new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build()));
        if (cache != null) {
            volumes.add(new VolumeBuilder().withName("cache")
                    .withNewEmptyDir().withSizeLimit(Quantities.scaled(cache.getCacheSize(), 1.25)).endEmptyDir().build());
            mounts.add(new VolumeMountBuilder().withName("cache").withMountPath(CACHE_DIRECTORY).build());
        }
        return new DeploymentBuilder()
                .withMetadata(Metadata.of(plan, component, name, false, selector()))
                .withNewSpec()
                    .withReplicas(REPLICAS)
                    .withNewSelector().withMatchLabels(selector()).endSelector()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(Labels.pod(plan, component, selector()))
                            // A changed configuration rolls the pods; nginx reads it only at start.
                            .withAnnotations(Map.of("scalingstage.io/config-sha256", sha256(config())))
                        .endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withSecurityContext(PodSecurity.restrictedPod(NGINX_USER))
                            .withTopologySpreadConstraints(Scheduling.spread(selector()))
                            .addNewContainer()
                                .withName("nginx")
                                .withImage(image.getImage())
                                .addNewPort().withName(WebWorkload.PORT_NAME).withContainerPort(PORT).withProtocol("TCP").endPort()
                                .addNewPort().withName(HEALTH_PORT_NAME).withContainerPort(HEALTH_PORT).withProtocol("TCP").endPort()
                                .withNewReadinessProbe()
                                    .withNewHttpGet().withPath(HEALTH_PATH).withPort(new IntOrString(HEALTH_PORT_NAME)).endHttpGet()
                                    .withPeriodSeconds(5)
                                .endReadinessProbe()
                                .withNewResources()
                                    .addToRequests("cpu", new Quantity("50m"))
                                    .addToRequests("memory", new Quantity("64Mi"))
                                    .addToLimits("memory", new Quantity("128Mi"))
                                .endResources()
                                .withVolumeMounts(mounts)
                                .withSecurityContext(PodSecurity.readOnlyContainer())
                            .endContainer()
                            .withVolumes(volumes)
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    public Service service() {
        return Services.clusterIp(plan, component, name, selector(), WebWorkload.SERVICE_PORT, WebWorkload.PORT_NAME, false, false);
    }

    /** The nginx configuration: read-only root file system, so every path nginx writes is under /tmp or the cache. */
    String config() {
        StringBuilder conf = new StringBuilder("""
                worker_processes 1;
                pid /tmp/nginx.pid;
                error_log /dev/stderr warn;
                events { worker_connections 1024; }
                http {
                  access_log /dev/stdout;
                  client_body_temp_path /tmp/client_body;
                  proxy_temp_path /tmp/proxy;
                  fastcgi_temp_path /tmp/fastcgi;
                  uwsgi_temp_path /tmp/uwsgi;
                  scgi_temp_path /tmp/scgi;
                  # Behind a TLS Ingress the scheme the user saw is https: pass it on, and say http only when nobody did.
                  map $http_x_forwarded_proto $forwarded_proto {
                    default $http_x_forwarded_proto;
                    "" $scheme;
                  }
                """);
        if (cache != null) {
            conf.append("  proxy_cache_path ").append(CACHE_DIRECTORY).append("/edge levels=1:2 keys_zone=edge:10m max_size=")
                    .append(Quantities.bytes(cache.getCacheSize())).append(" inactive=").append(ttl()).append("s use_temp_path=off;\n");
        }
        conf.append("  server {\n")
                .append("    listen ").append(HEALTH_PORT).append(";\n")
                .append("    location = ").append(HEALTH_PATH).append(" { access_log off; return 200 \"ok\\n\"; }\n")
                .append("    location / { return 404; }\n")
                .append("  }\n")
                .append("  server {\n")
                .append("    listen ").append(PORT).append(";\n");
        for (Route route : routes) {
            // Matched by path segment, as the Ingress's Prefix type does: /api/orders and /api/orders/..., never /api/ordersX.
            String prefix = route.prefix().endsWith("/") ? route.prefix().substring(0, route.prefix().length() - 1) : route.prefix();
            String body = routeBody(route);
            conf.append("    location = ").append(prefix).append(" {\n").append(body).append("    }\n")
                    .append("    location ").append(prefix).append("/ {\n").append(body).append("    }\n");
        }
        conf.append("    location / {\n");
        upstream(conf, fallback);
        conf.append("    }\n  }\n}\n");
        return conf.toString();
    }

    private String routeBody(Route route) {
        StringBuilder body = new StringBuilder();
        upstream(body, route.upstream());
        if (route.cached()) {
            body.append("      proxy_cache edge;\n")
                    .append("      proxy_cache_valid 200 301 302 ").append(ttl()).append("s;\n")
                    .append("      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;\n")
                    .append("      proxy_ignore_headers Set-Cookie Cache-Control Expires;\n")
                    .append("      proxy_hide_header Set-Cookie;\n")
                    .append("      proxy_hide_header Cache-Control;\n")
                    // Not "always": an error must not be cached for a day by browsers and CDNs.
                    .append("      add_header Cache-Control \"").append(cache.getCacheControl()).append("\";\n")
                    .append("      add_header X-Cache-Status $upstream_cache_status always;\n");
        }
        return body.toString();
    }

    private long ttl() {
        return Durations.seconds(cache.getCacheTTL());
    }

    private void upstream(StringBuilder conf, String service) {
        conf.append("      proxy_pass http://").append(service).append(".").append(plan.namespace()).append(".svc:")
                .append(WebWorkload.SERVICE_PORT).append(";\n")
                .append("      proxy_set_header Host $host;\n")
                .append("      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
                .append("      proxy_set_header X-Forwarded-Proto $forwarded_proto;\n");
    }

    private Map<String, String> selector() {
        return Labels.selector(plan, component, name);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
