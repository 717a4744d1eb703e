package io.scalingstage.operator.desired;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Kubernetes' ingress NetworkPolicy semantics for the shapes the operator generates (pod and namespace selectors with
 * matchLabels, In and NotIn; numbered and named ports): whether a connection from one pod to another's port is
 * allowed. A pod no policy selects accepts everything; a selected pod accepts what some rule of some policy allows.
 */
final class NetworkPolicyEvaluation {

    /** A pod: its namespace, its labels and its containers' ports. */
    record Pod(String namespace, Map<String, String> labels, List<ContainerPort> ports) {
    }

    private NetworkPolicyEvaluation() {
    }

    static boolean allows(List<NetworkPolicy> policies, Pod from, Pod to, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getMetadata().getNamespace().equals(to.namespace()) && matches(p.getSpec().getPodSelector(), to.labels()))
                .toList();
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> peerMatches(rule, from, to) && portMatches(rule, to, port));
    }

    private static boolean peerMatches(NetworkPolicyIngressRule rule, Pod from, Pod to) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : rule.getFrom()) {
            boolean namespace = peer.getNamespaceSelector() == null
                    ? from.namespace().equals(to.namespace())
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", from.namespace()));
            boolean pod = peer.getPodSelector() == null || matches(peer.getPodSelector(), from.labels());
            if (namespace && pod) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(NetworkPolicyIngressRule rule, Pod to, int port) {
        if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort allowed : rule.getPorts()) {
            IntOrString value = allowed.getPort();
            if (value.getIntVal() != null ? value.getIntVal() == port
                    : to.ports().stream().anyMatch(p -> value.getStrVal().equals(p.getName()) && p.getContainerPort() == port)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean in = value != null && requirement.getValues().contains(value);
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> in;
                    case "NotIn" -> !in;
                    default -> throw new IllegalArgumentException("not evaluated: " + requirement);
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
