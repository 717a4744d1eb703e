package io.scalingstage.operator.desired;

import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** Kubernetes Services in front of a component's pods. */
public final class Services {

    private Services() {
    }

    /**
     * A ClusterIP Service; headless for StatefulSets, whose pods clients address one by one. It holds data when the
     * pods behind it do: kept with them, their address stays.
     */
    public static Service clusterIp(StagePlan plan, Component component, String name, Map<String, String> selector,
            int port, String targetPort, boolean headless, boolean holdsData) {
        return new ServiceBuilder()
                .withMetadata(Metadata.of(plan, component, name, holdsData, selector))
                .withNewSpec()
                    .withType("ClusterIP")
                    .withClusterIP(headless ? "None" : null)
                    .withSelector(selector)
                    .addNewPort()
                        .withName(targetPort)
                        .withPort(port)
                        .withTargetPort(new IntOrString(targetPort))
                        .withProtocol("TCP")
                    .endPort()
                .endSpec()
                .build();
    }
}
