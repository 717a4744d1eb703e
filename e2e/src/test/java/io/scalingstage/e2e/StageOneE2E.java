package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.testing.AuditLog;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorIdentity;
import io.scalingstage.testing.WithKwokCluster;

/**
 * The stage-1 scenario on a kwok cluster, where kwok also plays CloudNativePG's status; and, from the API server's
 * audit log, a reconcile of the unchanged ScalingStage writes nothing.
 */
@WithKwokCluster
class StageOneE2E extends StageOneScenario {

    private final LocalCluster local;

    StageOneE2E(LocalCluster cluster) {
        super(cluster);
        this.local = cluster;
    }

    @Override
    protected void whenDatabaseCreated(Cluster database) {
        // e2e/control-plane/kwok/cloudnative-pg-cluster-ready.yaml reports it ready.
    }

    @Test
    @Order(4)
    void podsRunOnFakeNodesWithLoopbackAddresses() {
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel("app.kubernetes.io/instance", "shop").list().getItems();
        assertThat(pods).isNotEmpty().allSatisfy(pod -> assertThat(pod.getStatus().getHostIP()).startsWith("127.0.0."));
    }

    @Test
    @Order(5)
    void reconcilingTheUnchangedScalingStageMakesNoWrites() throws Exception {
        operator.close();
        long mark = local.auditLog().mark();
        operator = startOperator("operator-2.log");
        // A restarted operator reconciles every ScalingStage it finds once its informers are synced.
        await().atMost(Duration.ofSeconds(60)).until(() -> operator.metric("reconciliations_success_total") >= 1);
        Thread.sleep(2000);

        List<AuditLog.Event> byOperator = local.auditLog().since(mark).stream()
                .filter(e -> e.user().equals(OperatorIdentity.USER)).toList();
        assertThat(byOperator).as("the audit log sees the operator's reads").anyMatch(e -> e.verb().equals("list"));
        assertThat(byOperator.stream().filter(AuditLog.Event::isWrite)).as("writes after the restart").isEmpty();
    }
}
