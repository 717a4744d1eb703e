package io.scalingstage.operator.status;

import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.plan.Component;

/** Each child kind's own notion of ready, read from the object's status. */
public final class Readiness {

    private Readiness() {
    }

    /** Rolled out: the controller saw the latest spec and every wanted replica is updated and available. */
    public static Observation deployment(Component component, String name, Optional<Deployment> live) {
        if (live.isEmpty()) {
            return notCreated(component, "Deployment", name);
        }
        Deployment deployment = live.get();
        DeploymentStatus status = Optional.ofNullable(deployment.getStatus()).orElseGet(DeploymentStatus::new);
        long generation = Optional.ofNullable(deployment.getMetadata().getGeneration()).orElse(0L);
        int wanted = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
        int available = Optional.ofNullable(status.getAvailableReplicas()).orElse(0);
        if (Optional.ofNullable(status.getObservedGeneration()).orElse(0L) < generation) {
            return Observation.notReady(component, "Deployment", name, "the Deployment controller has not seen the latest spec");
        }
        if (updated < wanted || available < wanted) {
            return Observation.notReady(component, "Deployment", name,
                    available + "/" + wanted + " replicas available, " + updated + " updated");
        }
        return Observation.ready(component, "Deployment", name);
    }

    /** Objects with nothing to wait for (Service, ConfigMap, Secret) are ready once they exist. */
    public static Observation existence(Component component, String kind, String name, Optional<? extends HasMetadata> live) {
        return live.isPresent() ? Observation.ready(component, kind, name) : notCreated(component, kind, name);
    }

    /** CloudNativePG sets a Ready=True condition once every instance is up. */
    public static Observation cluster(Component component, String name, Optional<Cluster> live) {
        if (live.isEmpty()) {
            return notCreated(component, "Cluster", name);
        }
        var status = live.get().getStatus();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (ready) {
            return Observation.ready(component, "Cluster", name);
        }
        String phase = status == null ? null : status.getPhase();
        return Observation.notReady(component, "Cluster", name,
                Objects.requireNonNullElse(phase, "CloudNativePG has not reported the Cluster ready"));
    }

    private static Observation notCreated(Component component, String kind, String name) {
        return Observation.notReady(component, kind, name, "not created yet");
    }
}
