package io.scalingstage.operator.desired;

import java.util.List;

import io.scalingstage.operator.api.v1alpha1.Connection;
import io.scalingstage.operator.api.v1alpha1.ServiceSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * The services split out of the app at stage 8: each an autoscaled web workload behind the API gateway, wired to the
 * data tiers it asks for.
 */
public final class SplitServices {

    private SplitServices() {
    }

    public static List<WebWorkload> workloads(StagePlan plan) {
        return services(plan).stream().map(service -> workload(plan, service)).toList();
    }

    /** The names of the services wired to a tier, whose pods its NetworkPolicy lets in. */
    static List<String> wiredTo(StagePlan plan, Connection tier) {
        return services(plan).stream()
                .filter(service -> Connections.of(plan, service.getConnections()).has(tier))
                .map(service -> Names.service(plan, service.getName()))
                .toList();
    }

    static boolean anyServesMetrics(StagePlan plan) {
        return services(plan).stream().anyMatch(service -> service.getMetricsPort() != null);
    }

    private static List<ServiceSpec> services(StagePlan plan) {
        return plan.has(Component.SERVICES) ? plan.resource().getSpec().getServices() : List.of();
    }

    private static WebWorkload workload(StagePlan plan, ServiceSpec service) {
        String name = Names.service(plan, service.getName());
        Connections connections = Connections.of(plan, service.getConnections());
        return new WebWorkload(plan, Component.SERVICES, name, service.getName(), Labels.selector(plan, Component.SERVICES, name),
                service.getImage(), service.getPort(), service.getMetricsPort(), service.getHealthPath(), connections.env(),
                service.getResources(), service.getReplicas(), true, true, null, connections.volumes(), connections.mounts());
    }
}
