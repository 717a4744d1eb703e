package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.scalingstage.operator.api.v1alpha1.IngressSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * How traffic enters from stage 2: everything to the app, or to the API gateway once services are split out; static
 * paths to the edge cache once it exists.
 */
public final class AppIngress {

    private AppIngress() {
    }

    public static Ingress desired(StagePlan plan) {
        IngressSpec ingress = plan.resource().getSpec().getIngress();
        String origin = plan.has(Component.SERVICES) ? Names.gateway(plan) : Names.app(plan);
        String statics = plan.has(Component.EDGE) ? Names.edge(plan) : origin;
        List<HTTPIngressPath> paths = new ArrayList<>();
        // A rule per static path even before the edge exists: the Ingress's metrics then tell static bytes from the
        // rest, which is the evidence that leads to the edge.
        plan.resource().getSpec().getApp().getStaticPaths().forEach(path -> paths.add(path(path, statics)));
        paths.add(path("/", origin));
        List<IngressTLS> tls = ingress.getTlsSecretName() == null ? List.of() : List.of(new IngressTLSBuilder()
                .withHosts(ingress.getHost() == null ? List.of() : List.of(ingress.getHost()))
                .withSecretName(ingress.getTlsSecretName())
                .build());
        return new IngressBuilder()
                .withMetadata(Metadata.of(plan, Component.INGRESS, Names.app(plan)))
                .withNewSpec()
                    .withIngressClassName(ingress.getClassName())
                    .withTls(tls)
                    .addNewRule()
                        .withHost(ingress.getHost())
                        .withNewHttp().withPaths(paths).endHttp()
                    .endRule()
                .endSpec()
                .build();
    }

    private static HTTPIngressPath path(String prefix, String service) {
        return new HTTPIngressPathBuilder()
                .withPath(prefix)
                .withPathType("Prefix")
                .withNewBackend()
                    .withNewService().withName(service).withNewPort().withName(WebWorkload.PORT_NAME).endPort().endService()
                .endBackend()
                .build();
    }
}
