package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * Every object the plan's stage consists of, but the CloudNativePG Cluster (whose instances also depend on the live
 * one): the one list the dependents apply, the status reports on and the golden files record.
 */
public final class Topology {

    private Topology() {
    }

    public static List<HasMetadata> of(StagePlan plan, Passwords passwords) {
        List<HasMetadata> objects = new ArrayList<>();
        WebWorkload app = App.workload(plan);
        objects.add(app.deployment());
        objects.add(app.service());
        if (plan.has(Component.LOAD_BALANCING)) {
            objects.add(app.disruptionBudget());
        }
        if (plan.has(Component.AUTOSCALER)) {
            objects.add(app.autoscaler());
        }
        if (plan.has(Component.INGRESS)) {
            objects.add(AppIngress.desired(plan));
        }
        if (plan.has(Component.EDGE)) {
            add(objects, ReverseProxy.edge(plan));
        }
        if (plan.has(Component.CACHE)) {
            objects.add(Redis.secret(plan, passwords));
            if (Redis.holdsData(plan)) {
                objects.add(Redis.volume(plan));
            }
            objects.add(Redis.deployment(plan));
            objects.add(Redis.service(plan));
        }
        objects.addAll(Poolers.desired(plan));
        if (plan.has(Component.SHARDS)) {
            objects.addAll(Shards.desired(plan, passwords));
        }
        if (plan.has(Component.SERVICES)) {
            for (WebWorkload service : SplitServices.workloads(plan)) {
                objects.add(service.deployment());
                objects.add(service.service());
                objects.add(service.disruptionBudget());
                objects.add(service.autoscaler());
            }
            add(objects, ReverseProxy.gateway(plan));
        }
        objects.addAll(NetworkPolicies.desired(plan));
        return objects;
    }

    private static void add(List<HasMetadata> objects, ReverseProxy proxy) {
        objects.add(proxy.configMap());
        objects.add(proxy.deployment());
        objects.add(proxy.service());
    }
}
