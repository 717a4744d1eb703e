package io.scalingstage.operator.status;

import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.cnpg.Pooler;

/** Each child kind's own notion of ready, read from the object's status. */
public final class Readiness {

    private Readiness() {
    }

    /** The readiness of a child of the stage, from its live copy if there is one. */
    public static Observation of(String component, String kind, String name, Optional<? extends HasMetadata> live) {
        if (live.isEmpty()) {
            return Observation.notReady(component, kind, name, "not created yet");
        }
        HasMetadata object = live.get();
        if (object instanceof Deployment deployment) {
            return deployment(component, deployment);
        } else if (object instanceof StatefulSet statefulSet) {
            return statefulSet(component, statefulSet);
        } else if (object instanceof Cluster cluster) {
            return cluster(component, cluster);
        } else if (object instanceof Pooler pooler) {
            return pooler(component, pooler);
        } else if (object instanceof PersistentVolumeClaim claim) {
            String phase = claim.getStatus() == null ? null : claim.getStatus().getPhase();
            return "Bound".equals(phase) ? Observation.ready(component, kind, name)
                    : Observation.notReady(component, kind, name, "claim is " + Objects.requireNonNullElse(phase, "Pending"));
        }
        // Services, ConfigMaps, Secrets, HPAs, PodDisruptionBudgets, Ingresses and NetworkPolicies: nothing to wait for.
        return Observation.ready(component, kind, name);
    }

    /** Rolled out: the controller saw the latest spec and every wanted replica is updated and available. */
    private static Observation deployment(String component, Deployment deployment) {
        String name = deployment.getMetadata().getName();
        var status = deployment.getStatus();
        long generation = Optional.ofNullable(deployment.getMetadata().getGeneration()).orElse(0L);
        int wanted = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int updated = status == null ? 0 : Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
        int available = status == null ? 0 : Optional.ofNullable(status.getAvailableReplicas()).orElse(0);
        Optional<DeploymentCondition> stuck = status == null ? Optional.empty() : status.getConditions().stream()
                .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus())
                        || "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
        if (stuck.isPresent()) {
            return new Observation(component, "Deployment", name, false, stuck.get().getMessage(), stuck.get().getReason());
        }
        if (status == null || Optional.ofNullable(status.getObservedGeneration()).orElse(0L) < generation) {
            return Observation.notReady(component, "Deployment", name, "the Deployment controller has not seen the latest spec");
        }
        if (updated < wanted || available < wanted) {
            return Observation.notReady(component, "Deployment", name,
                    available + "/" + wanted + " replicas available, " + updated + " updated");
        }
        return Observation.ready(component, "Deployment", name);
    }

    private static Observation statefulSet(String component, StatefulSet statefulSet) {
        String name = statefulSet.getMetadata().getName();
        var status = statefulSet.getStatus();
        long generation = Optional.ofNullable(statefulSet.getMetadata().getGeneration()).orElse(0L);
        int wanted = Optional.ofNullable(statefulSet.getSpec().getReplicas()).orElse(1);
        int ready = status == null ? 0 : Optional.ofNullable(status.getReadyReplicas()).orElse(0);
        if (status == null || Optional.ofNullable(status.getObservedGeneration()).orElse(0L) < generation) {
            return Observation.notReady(component, "StatefulSet", name, "the StatefulSet controller has not seen the latest spec");
        }
        if (ready < wanted || !Objects.equals(status.getCurrentRevision(), status.getUpdateRevision())) {
            return Observation.notReady(component, "StatefulSet", name, ready + "/" + wanted + " replicas ready");
        }
        return Observation.ready(component, "StatefulSet", name);
    }

    /** CloudNativePG sets a Ready=True condition once every instance is up. */
    private static Observation cluster(String component, Cluster cluster) {
        String name = cluster.getMetadata().getName();
        var status = cluster.getStatus();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (ready) {
            return Observation.ready(component, "Cluster", name);
        }
        String phase = status == null ? null : status.getPhase();
        return Observation.notReady(component, "Cluster", name,
                Objects.requireNonNullElse(phase, "CloudNativePG has not reported the Cluster ready"));
    }

    /** CloudNativePG reports how many PgBouncer pods run. */
    private static Observation pooler(String component, Pooler pooler) {
        String name = pooler.getMetadata().getName();
        int wanted = Optional.ofNullable(pooler.getSpec().getInstances()).orElse(1);
        int running = pooler.getStatus() == null ? 0 : Optional.ofNullable(pooler.getStatus().getInstances()).orElse(0);
        return running >= wanted ? Observation.ready(component, "Pooler", name)
                : Observation.notReady(component, "Pooler", name, running + "/" + wanted + " PgBouncer pods");
    }
}
