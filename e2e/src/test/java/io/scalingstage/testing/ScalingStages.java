package io.scalingstage.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
}
