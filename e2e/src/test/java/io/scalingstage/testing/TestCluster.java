package io.scalingstage.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A Kubernetes cluster a test runs against: the local control plane, or K3s where a Docker engine exists. */
public interface TestCluster {

    AtomicInteger NAMESPACES = new AtomicInteger();

    /** A client authenticated as the cluster's admin. */
    KubernetesClient client();

    /** The admin kubeconfig. */
    Path kubeconfig();

    /** Runs the built kubectl against this cluster. */
    Commands.Result kubectl(String stdin, String... args);

    /** Runs kubectl and fails the test when it fails. */
    default String kubectlOk(String... args) {
        Commands.Result result = kubectl(null, args);
        if (result.exit() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + result.stderr());
        }
        return result.stdout();
    }

    /**
     * Waits until the CRDs are Established. kubectl wait fails at once, rather than waiting, when it reads a CRD whose
     * status has no conditions yet ("status.conditions accessor error"), so it is asked again until it answers.
     */
    default void awaitEstablished(String... crds) {
        List<String> command = new ArrayList<>(List.of("wait", "--for=condition=Established", "--timeout=60s"));
        Arrays.stream(crds).map(crd -> "crd/" + crd).forEach(command::add);
        String[] arguments = command.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> kubectl(null, arguments).exit() == 0);
    }

    /** A fresh namespace that enforces the "restricted" Pod Security Standard, so every pod created there passed it. */
    default String createNamespace(String prefix) {
        String namespace = prefix + "-" + NAMESPACES.incrementAndGet();
        client().namespaces().resource(new NamespaceBuilder()
                .withNewMetadata()
                    .withName(namespace)
                    .withLabels(Map.of(
                            "pod-security.kubernetes.io/enforce", "restricted",
                            "pod-security.kubernetes.io/enforce-version", "latest"))
                .endMetadata()
                .build()).create();
        return namespace;
    }

    /**
     * A kubeconfig that authenticates as a ServiceAccount (created if absent) with a token from the TokenRequest API,
     * so the audit log tells that identity's requests from everyone else's.
     */
    default Path kubeconfigFor(String namespace, String serviceAccount) {
        KubernetesClient client = client();
        if (client.namespaces().withName(namespace).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                    .create();
        }
        client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName(serviceAccount).endMetadata().build()).serverSideApply();
        String token = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
                .getStatus().getToken();
        Config admin = client.getConfiguration();
        String certificateAuthority = admin.getCaCertData() != null
                ? "certificate-authority-data: " + admin.getCaCertData()
                : "certificate-authority: " + admin.getCaCertFile();
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: local
                  cluster:
                    server: %s
                    %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: %s
                  context: {cluster: local, user: %s}
                current-context: %s
                """.formatted(admin.getMasterUrl(), certificateAuthority, serviceAccount, token, serviceAccount,
                serviceAccount, serviceAccount);
        try {
            Path file = kubeconfig().resolveSibling(namespace + "-" + serviceAccount + ".kubeconfig.yaml");
            Files.writeString(file, kubeconfig);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds a ServiceAccount to a ClusterRole across the cluster. */
    default void bindClusterRole(String namespace, String serviceAccount, String clusterRole) {
        client().rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(namespace + "-" + serviceAccount + "-" + clusterRole).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(clusterRole).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withNamespace(namespace).withName(serviceAccount).endSubject()
                .build()).serverSideApply();
    }
}
