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
import io.scalingstage.operator.api.v1alpha1.Connection;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * Who may open connections to what: only the app, the split-out services wired to the database, the poolers and
 * CloudNativePG's own pods reach the database; only the app and the services wired to them reach Redis and the shards;
 * only the gateway reaches the split-out services, and scrapers their metrics ports. The app, the edge and the gateway
 * stay open to the Ingress controller, wherever it runs. A policy guarding data is kept as long as the data is.
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
        List<NetworkPolicy> policies = new ArrayList<>();
        LabelSelector database = selector(Map.of(CLUSTER_LABEL, Names.database(plan)));
        List<LabelSelector> databaseClients = new ArrayList<>(clients(plan, Connection.Database));
        databaseClients.add(database);
        databaseClients.add(new LabelSelectorBuilder().addNewMatchExpression().withKey(POOLER_LABEL).withOperator("In")
                .withValues(Names.pooler(plan, Poolers.READ_WRITE), Names.pooler(plan, Poolers.READ_ONLY))
                .endMatchExpression().build());
        policies.add(policy(plan, Component.DATABASE, "database", true, database, List.of(
                rule(new IntOrString(DatabaseCluster.PORT), databaseClients),
                anyNamespace(INSTANCE_STATUS_PORT, selector(CLOUDNATIVE_PG_OPERATOR)),
                anyone(new IntOrString(METRICS_PORT)))));
        if (plan.has(Component.CACHE)) {
            policies.add(policy(plan, Component.CACHE, "redis", Redis.holdsData(plan), selector(Labels.selector(plan, Component.CACHE)),
                    List.of(rule(new IntOrString(Redis.PORT), clients(plan, Connection.Cache)))));
        }
        if (plan.has(Component.SHARDS)) {
            policies.add(policy(plan, Component.SHARDS, "shards", true, selector(Labels.selector(plan, Component.SHARDS)),
                    List.of(rule(new IntOrString(Shards.PORT), clients(plan, Connection.Shards)))));
        }
        if (plan.has(Component.SERVICES)) {
            LabelSelector services = new LabelSelectorBuilder().withMatchLabels(Labels.selector(plan, Component.SERVICES))
                    .addNewMatchExpression().withKey(Labels.MEMBER).withOperator("NotIn").withValues(Names.gateway(plan))
                    .endMatchExpression().build();
            LabelSelector gateway = selector(Labels.selector(plan, Component.SERVICES, Names.gateway(plan)));
            List<NetworkPolicyIngressRule> rules = new ArrayList<>();
            rules.add(rule(new IntOrString(WebWorkload.PORT_NAME), List.of(gateway)));
            if (SplitServices.anyServesMetrics(plan)) {
                // A named port: only the services that declare a metrics port open one.
                rules.add(anyone(new IntOrString(WebWorkload.METRICS_PORT_NAME)));
            }
            policies.add(policy(plan, Component.SERVICES, "services", false, services, rules));
        }
        return policies;
    }

    /** The pods that may reach a data tier: the app's, and those of the split-out services wired to it. */
    private static List<LabelSelector> clients(StagePlan plan, Connection tier) {
        List<LabelSelector> clients = new ArrayList<>();
        clients.add(selector(Labels.selector(plan, Component.APP)));
        List<String> services = SplitServices.wiredTo(plan, tier);
        if (!services.isEmpty()) {
            clients.add(new LabelSelectorBuilder().withMatchLabels(Labels.selector(plan, Component.SERVICES))
                    .addNewMatchExpression().withKey(Labels.MEMBER).withOperator("In").withValues(services)
                    .endMatchExpression().build());
        }
        return clients;
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
    private static NetworkPolicyIngressRule rule(IntOrString port, List<LabelSelector> from) {
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

    private static NetworkPolicyIngressRule anyone(IntOrString port) {
        return new NetworkPolicyIngressRuleBuilder().addNewPort().withProtocol("TCP").withPort(port).endPort().build();
    }

    private static LabelSelector selector(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }
}
