package io.scalingstage.e2e;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.condition.EnabledIf;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.cnpg.ClusterStatus;
import io.scalingstage.testing.K3sCluster;

/**
 * The stage-1 scenario on K3s, where a real kubelet runs the pods: only where a Docker engine exists. The app image is
 * one that runs as non-root and answers on its health path; CloudNativePG's controller does not run, so the test
 * creates the app user's Secret and reports the Cluster ready the way CloudNativePG would.
 */
@EnabledIf("io.scalingstage.testing.K3sCluster#dockerAvailable")
class StageOneK3sE2E extends StageOneScenario {

    StageOneK3sE2E() {
        super(K3sCluster.start());
    }

    @Override
    protected void afterOperatorStopped() {
        ((K3sCluster) cluster).close();
    }

    @Override
    protected String sample() throws IOException {
        return super.sample()
                .replace("registry.example/shop:1.4.2", "nginxinc/nginx-unprivileged:1.29-alpine")
                .replace("healthPath: /healthz", "healthPath: /");
    }

    /** What CloudNativePG would do: the app user's Secret, then a Ready status. */
    @Override
    protected void whenDatabaseCreated(Cluster database) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withName("shop-db-app").endMetadata()
                .withType("kubernetes.io/basic-auth")
                .addToStringData("username", "app")
                .addToStringData("password", "k3s-test-only")
                .addToStringData("uri", "postgresql://app:k3s-test-only@shop-db-rw:5432/app")
                .build()).create();
        ClusterStatus status = new ClusterStatus();
        status.setInstances(1);
        status.setReadyInstances(1);
        status.setPhase("Cluster in healthy state");
        status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True").withReason("ClusterIsReady")
                .withMessage("Cluster is Ready").withLastTransitionTime("2026-01-01T00:00:00Z").build()));
        database.setStatus(status);
        client.resource(database).updateStatus();
    }
}
