package io.scalingstage.operator.api.v1alpha1;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * Puts the ScalingStage CRD's printer columns in the order the class declares them, which is the order kubectl
 * prints: the generator sorts them by jsonPath, and AGE would come first. Runs at build time only
 * (quarkus.operator-sdk.crd.post-processor).
 */
public class PrinterColumnOrder implements CRDPostProcessor {

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition
                && definition.getMetadata().getName().equals(CustomResource.getCRDName(ScalingStage.class))) {
            List<String> declared = declared(ScalingStage.class);
            Comparator<CustomResourceColumnDefinition> order = Comparator.comparingInt(c -> declared.indexOf(c.getName()));
            definition.getSpec().getVersions().stream()
                    .filter(version -> version.getAdditionalPrinterColumns() != null)
                    .forEach(version -> version.getAdditionalPrinterColumns().sort(order));
        }
        return crd;
    }

    /** The column names in declaration order, as the JVM returns repeated annotations. */
    static List<String> declared(Class<?> type) {
        return Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class)).map(AdditionalPrinterColumn::name)
                .toList();
    }
}
