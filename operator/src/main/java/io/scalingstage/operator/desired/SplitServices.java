package io.scalingstage.operator.desired;

import java.util.List;

import io.scalingstage.operator.api.v1alpha1.ServiceSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The services split out of the app at stage 8: each an autoscaled web workload behind the API gateway. */
public final class SplitServices {

    private SplitServices() {
    }

    public static List<WebWorkload> workloads(StagePlan plan) {
        return plan.resource().getSpec().getServices().stream().map(service -> workload(plan, service)).toList();
    }

    private static WebWorkload workload(StagePlan plan, ServiceSpec service) {
        String name = Names.service(plan, service.getName());
        return new WebWorkload(plan, Component.SERVICES, name, service.getName(), Labels.selector(plan, Component.SERVICES, name),
                service.getImage(), service.getPort(), service.getHealthPath(), List.of(), service.getResources(),
                service.getReplicas(), true, true, null, List.of(), List.of());
    }
}
