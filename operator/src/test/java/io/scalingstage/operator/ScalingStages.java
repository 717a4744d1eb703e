package io.scalingstage.operator;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;

/** ScalingStages for unit tests, read from YAML as the API server would hand them over. */
public final class ScalingStages {

    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ScalingStages() {
    }

    public static ScalingStage fromYaml(String yaml) {
        ScalingStage resource = SERIALIZATION.unmarshal(yaml, ScalingStage.class);
        if (resource.getMetadata().getNamespace() == null) {
            resource.getMetadata().setNamespace("shop-ns");
        }
        if (resource.getMetadata().getUid() == null) {
            resource.getMetadata().setUid("00000000-0000-0000-0000-000000000001");
        }
        if (resource.getMetadata().getGeneration() == null) {
            resource.getMetadata().setGeneration(1L);
        }
        return resource;
    }

    /** A ScalingStage named shop at {@code stage} with {@code specExtra} (indented YAML lines) added to its spec. */
    public static ScalingStage atStage(int stage, String specExtra) {
        return withSpec("""
                stage: %d
                app:
                  image: registry.example/shop:1.4.2
                %s""".formatted(stage, specExtra));
    }

    /** A ScalingStage named shop with exactly this spec (unindented YAML). */
    public static ScalingStage withSpec(String spec) {
        return fromYaml("""
                apiVersion: scalingstage.io/v1alpha1
                kind: ScalingStage
                metadata:
                  name: shop
                spec:
                %s""".formatted(spec.indent(2)));
    }

    public static ScalingStage atStage(int stage) {
        return atStage(stage, "");
    }
}
