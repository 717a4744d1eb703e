package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * Who may open connections to what: only the app, the poolers and CloudNativePG's own pods reach the database, only
 * the app reaches Redis and the shards, only the gateway reaches the split-out services. The app, the edge and the
 * gateway stay open to the Ingress controller, wherever it runs. A policy guarding data is kept as long as the data is.
 */
public final class NetworkPolicies {

    /** CloudNativePG's operator pods, in whatever namespace it was installed. */
    static final Map<String, String> CLOUDNATIVE_PG_OPERATOR = Map.of("app.kubernetes.io/name", "cloudnative-pg");
    /** The label CloudNativePG puts on its PgBouncer pods. */
    static final String POOLER_LABEL = "cnpg.io/poolerName";
    /** The label CloudNativePG puts on every pod of a Cluster: instances, and the jobs that clone a new replica. */
    static final String CLUSTER_LABEL = "cnpg.io/cluster";
    /** CloudNativePG's instance manager: status for its operator, metrics for Prometheus. */
    static final int INSTANCE_STATUS_PORT = 8000;
    static final int METRICS_PORT = 9187;

    private NetworkPolicies() {
    }

    public static List<NetworkPolicy> desired(StagePlan plan) {
        LabelSelector app = selector(Labels.selector(plan, Component.APP));
        List<NetworkPolicy> policies = new ArrayList<>();
        LabelSelector database = selector(Map.of(CLUSTER_LABEL, Names.database(plan)));
        policies.add(policy(plan, Component.DATABASE, "database", true, database, List.of(
                rule(new IntOrString(DatabaseCluster.PORT), app, database,
                        new LabelSelectorBuilder().addNewMatchExpression().withKey(POOLER_LABEL).withOperator("In")
                                .withValues(Names.pooler(plan, Poolers.READ_WRITE), Names.pooler(plan, Poolers.READ_ONLY))
                                .endMatchExpression().build()),
                anyNamespace(INSTANCE_STATUS_PORT, selector(CLOUDNATIVE_PG_OPERATOR)),
                anyone(METRICS_PORT))));
        if (plan.has(Component.CACHE)) {
            policies.add(policy(plan, Component.CACHE, "redis", Redis.holdsData(plan), selector(Labels.selector(plan, Component.CACHE)),
                    List.of(rule(new IntOrString(Redis.PORT), app))));
        }
        if (plan.has(Component.SHARDS)) {
            policies.add(policy(plan, Component.SHARDS, "shards", true, selector(Labels.selector(plan, Component.SHARDS)),
                    List.of(rule(new IntOrString(Shards.PORT), app))));
        }
        if (plan.has(Component.SERVICES)) {
            LabelSelector services = new LabelSelectorBuilder().withMatchLabels(Labels.selector(plan, Component.SERVICES))
                    .addNewMatchExpression().withKey(Labels.MEMBER).withOperator("NotIn").withValues(Names.gateway(plan))
                    .endMatchExpression().build();
            LabelSelector gateway = selector(Labels.selector(plan, Component.SERVICES, Names.gateway(plan)));
            policies.add(policy(plan, Component.SERVICES, "services", false, services, List.of(rule(new IntOrString(WebWorkload.PORT_NAME), gateway))));
        }
        return policies;
    }

    private static NetworkPolicy policy(StagePlan plan, Component component, String guarded, boolean guardsData,
            LabelSelector pods, List<NetworkPolicyIngressRule> rules) {
        return new NetworkPolicyBuilder()
                .withMetadata(Metadata.of(plan, component, Names.networkPolicy(plan, guarded), guardsData))
                .withNewSpec()
                    .withPodSelector(pods)
                    .withPolicyTypes("Ingress")
                    .withIngress(rules)
                .endSpec()
                .build();
    }

    /** From pods of this namespace matching any of {@code from}, to {@code port}. */
    private static NetworkPolicyIngressRule rule(IntOrString port, LabelSelector... from) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (LabelSelector selector : from) {
            peers.add(new NetworkPolicyPeerBuilder().withPodSelector(selector).build());
        }
        return new NetworkPolicyIngressRuleBuilder().withFrom(peers).addNewPort().withProtocol("TCP").withPort(port)
                .endPort().build();
    }

    private static NetworkPolicyIngressRule anyNamespace(int port, LabelSelector pods) {
        return new NetworkPolicyIngressRuleBuilder()
                .addNewFrom().withNewNamespaceSelector().endNamespaceSelector().withPodSelector(pods).endFrom()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort()
                .build();
    }

    private static NetworkPolicyIngressRule anyone(int port) {
        return new NetworkPolicyIngressRuleBuilder().addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort().build();
    }

    private static LabelSelector selector(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }
}
