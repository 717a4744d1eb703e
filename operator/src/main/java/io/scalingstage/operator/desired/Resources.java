package io.scalingstage.operator.desired;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.scalingstage.operator.api.v1alpha1.ComputeResources;
import io.scalingstage.operator.api.v1alpha1.ResourceAmounts;

/** Maps the API's compute resources to a container's ResourceRequirements. */
public final class Resources {

    private Resources() {
    }

    /** The container resources, or null when the spec sets none (so the field is not applied at all). */
    public static ResourceRequirements of(ComputeResources resources) {
        if (resources == null || (resources.getRequests() == null && resources.getLimits() == null)) {
            return null;
        }
        ResourceRequirements requirements = new ResourceRequirements();
        requirements.setRequests(amounts(resources.getRequests()));
        requirements.setLimits(amounts(resources.getLimits()));
        return requirements;
    }

    /**
     * Requests equal to limits (Kubernetes' Guaranteed class): the side that is set gives the other; null when
     * neither is, since there is then nothing to guarantee.
     */
    public static ResourceRequirements guaranteed(ComputeResources resources) {
        ResourceRequirements requirements = of(resources);
        if (requirements == null) {
            return null;
        }
        Map<String, Quantity> amounts = new LinkedHashMap<>();
        if (requirements.getRequests() != null) {
            amounts.putAll(requirements.getRequests());
        }
        if (requirements.getLimits() != null) {
            amounts.putAll(requirements.getLimits());
        }
        requirements.setRequests(amounts);
        requirements.setLimits(new LinkedHashMap<>(amounts));
        return requirements;
    }

    private static Map<String, Quantity> amounts(ResourceAmounts amounts) {
        if (amounts == null) {
            return null;
        }
        Map<String, Quantity> map = new LinkedHashMap<>();
        if (amounts.getCpu() != null) {
            map.put("cpu", amounts.getCpu());
        }
        if (amounts.getMemory() != null) {
            map.put("memory", amounts.getMemory());
        }
        return map.isEmpty() ? null : map;
    }
}
