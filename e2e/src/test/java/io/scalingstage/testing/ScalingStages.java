package io.scalingstage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;

/** Reading ScalingStages and their conditions in tests. */
public final class ScalingStages {

    private ScalingStages() {
    }

    public static ScalingStage get(KubernetesClient client, String namespace, String name) {
        ScalingStage resource = client.resources(ScalingStage.class).inNamespace(namespace).withName(name).get();
        assertThat(resource).as("ScalingStage %s/%s", namespace, name).isNotNull();
        return resource;
    }

    /** The condition of that type; fails the assertion when the status has none. */
    public static Condition condition(ScalingStage resource, String type) {
        assertThat(resource.getStatus()).as("status of %s", resource.getMetadata().getName()).isNotNull();
        return resource.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " condition in " + resource.getStatus().getConditions()));
    }

    /** Waits until the operator has observed the current generation and reports stage {@code stage} Ready. */
    public static void awaitReady(KubernetesClient client, String namespace, String name, int stage, Duration timeout) {
        await().atMost(timeout).untilAsserted(() -> {
            ScalingStage resource = get(client, namespace, name);
            assertThat(resource.getStatus()).isNotNull();
            assertThat(resource.getStatus().getObservedGeneration()).isEqualTo(resource.getMetadata().getGeneration());
            assertThat(resource.getStatus().getStage()).isEqualTo(stage);
            assertThat(condition(resource, "Ready").getStatus()).as(condition(resource, "Ready").getMessage()).isEqualTo("True");
        });
    }
}
