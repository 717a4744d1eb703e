package io.scalingstage.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
