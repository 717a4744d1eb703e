package io.scalingstage.operator.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/** The application's Service: port 80 in front of the container's http port. */
public final class AppService {

    public static final int PORT = 80;

    private AppService() {
    }

    public static Service desired(StagePlan plan) {
        return new ServiceBuilder()
                .withMetadata(Metadata.of(plan, Component.APP, Names.app(plan)))
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(Labels.selector(plan, Component.APP))
                    .addNewPort()
                        .withName(AppDeployment.PORT_NAME)
                        .withPort(PORT)
                        .withTargetPort(new IntOrString(AppDeployment.PORT_NAME))
                        .withProtocol("TCP")
                    .endPort()
                .endSpec()
                .build();
    }
}
