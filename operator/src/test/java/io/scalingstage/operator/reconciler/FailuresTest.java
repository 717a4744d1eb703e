package io.scalingstage.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;

class FailuresTest {

    @Test
    void aFailedWorkflowNamesEachFailedDependentWithItsRootCauseAndNoStackTrace() {
        Map<String, Exception> failed = new LinkedHashMap<>();
        failed.put("deployments", new IllegalStateException("apply failed",
                new RuntimeException("Deployment.apps \"shop\" is invalid: spec.template.spec.containers[0].image: Required value")));
        failed.put("database", new RuntimeException("admission webhook \"vcluster.cnpg.io\" denied the request"));
        OperatorException error = new OperatorException(new AggregatedOperatorException("Exception(s) during workflow execution.", failed));

        assertThat(Failures.describe(error)).isEqualTo(
                "deployments: Deployment.apps \"shop\" is invalid: spec.template.spec.containers[0].image: Required value; "
                        + "database: admission webhook \"vcluster.cnpg.io\" denied the request");
    }

    @Test
    void anyOtherFailureIsItsRootCauseCappedInLength() {
        assertThat(Failures.describe(new IllegalStateException("outer", new RuntimeException("the cause")))).isEqualTo("the cause");
        assertThat(Failures.describe(new RuntimeException("x".repeat(5000)))).hasSize(Failures.MAX_LENGTH);
    }

    @Test
    void onlyARefusalThatIsTheClientsFaultNeedsAPerson() {
        assertThat(Failures.needsPerson(new RuntimeException("apply failed", refused(422)))).isTrue();
        assertThat(Failures.needsPerson(new RuntimeException(refused(403)))).isTrue();
        assertThat(Failures.needsPerson(new RuntimeException(refused(409)))).as("a conflict").isFalse();
        assertThat(Failures.needsPerson(new RuntimeException(refused(429)))).as("throttled").isFalse();
        assertThat(Failures.needsPerson(new RuntimeException(refused(503)))).as("the API server is down").isFalse();
        assertThat(Failures.needsPerson(new RuntimeException(new ConnectException("refused")))).isFalse();

        Map<String, Exception> failed = new LinkedHashMap<>();
        failed.put("services", new RuntimeException(refused(409)));
        failed.put("deployments", new RuntimeException(refused(422)));
        assertThat(Failures.needsPerson(new OperatorException(new AggregatedOperatorException("workflow", failed)))).isTrue();
        failed.remove("deployments");
        assertThat(Failures.needsPerson(new OperatorException(new AggregatedOperatorException("workflow", failed)))).isFalse();
    }

    private static KubernetesClientException refused(int code) {
        return new KubernetesClientException("refused", code, null);
    }
}
