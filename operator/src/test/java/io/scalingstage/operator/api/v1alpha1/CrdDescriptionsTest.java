package io.scalingstage.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;

/** {@code kubectl explain} reads like documentation only if every field of the checked-in CRD has a description. */
class CrdDescriptionsTest {

    private static final Path CRD = Path.of("../crds/scalingstages.scalingstage.io-v1.yml");

    @Test
    void everyFieldHasADescription() throws IOException {
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(CRD)) {
            crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
        }
        List<String> undocumented = new ArrayList<>();
        undocumented(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema(), "", undocumented);

        assertThat(undocumented).as("fields without a description").isEmpty();
    }

    private static void undocumented(JSONSchemaProps schema, String path, List<String> found) {
        if (schema.getProperties() != null) {
            for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
                String field = path + "." + property.getKey();
                if (property.getValue().getDescription() == null || property.getValue().getDescription().isBlank()) {
                    found.add(field);
                }
                undocumented(property.getValue(), field, found);
            }
        }
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            undocumented(schema.getItems().getSchema(), path + "[]", found);
        }
        if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
            undocumented(schema.getAdditionalProperties().getSchema(), path + "{}", found);
        }
    }
}
