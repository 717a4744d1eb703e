package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * {@code helm install} of the chart on a real API server, with Helm 3 and with Helm 4: the CRD comes from the chart,
 * the operator's pod is admitted in a namespace enforcing the restricted Pod Security Standard and goes Ready, and
 * {@code helm uninstall} leaves the CRD and every ScalingStage in place. (kwok runs no container: the pod's readiness
 * is kwok's, the admission is the API server's.)
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmInstallE2E {

    private static final String CRD = "scalingstages.scalingstage.io";
    private static final String RELEASE = "scalingstage";
    private static final String FULLNAME = "scalingstage-operator";

    private final LocalCluster cluster;
    private final KubernetesClient client;

    HelmInstallE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    /** The harness installs the CRD; remove it so the first install shows Helm installing it from the chart. */
    @BeforeAll
    void withoutTheCrd() {
        cluster.kubectlOk("delete", "crd", CRD, "--wait=true");
    }

    // Helm 4 first: it installs the CRD with server-side apply; Helm 3 then finds it present and leaves it. The other
    // order fails on Helm 4's apply conflicting with the fields Helm 3 created (see helm/README.md).
    @ParameterizedTest(name = "Helm {0}")
    @ValueSource(strings = { "v4", "v3" })
    void installsAdmittedUnderRestrictedAndUninstallKeepsTheCrdAndEveryScalingStage(String major) {
        Path helm = major.equals("v3") ? Toolchain.get().helm() : Toolchain.get().helm4();
        assertThat(helm(helm, "version", "--short")).startsWith(major + ".");
        String namespace = cluster.createNamespace("operator-" + major);

        helm(helm, "install", RELEASE, Toolchain.get().helmChart().toString(), "--namespace", namespace, "--wait",
                "--timeout", "2m");

        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(CRD).get()).isNotNull();
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(FULLNAME).get();
        assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(1);
        List<Pod> pods = client.pods().inNamespace(namespace).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                .list().getItems();
        assertThat(pods).singleElement().satisfies(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
        ClusterRole role = client.rbac().clusterRoles().withName(FULLNAME).get();
        assertThat(role.getRules()).allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getApiGroups()).doesNotContain("*");
        });

        String apps = cluster.createNamespace("apps-" + major);
        cluster.kubectlOk("apply", "--server-side", "-n", apps, "-f",
                Toolchain.get().samples().resolve("stage-1.yaml").toString());

        helm(helm, "uninstall", RELEASE, "--namespace", namespace, "--wait", "--timeout", "2m");

        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(CRD).get())
                .as("Helm never deletes a CRD from crds/").isNotNull();
        assertThat(client.resources(ScalingStage.class).inNamespace(apps).withName("shop").get()).isNotNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(namespace).withName(FULLNAME).get()).isNull();
            assertThat(client.rbac().clusterRoles().withName(FULLNAME).get()).isNull();
        });
    }

    private String helm(Path helm, String... arguments) {
        List<String> command = new ArrayList<>(List.of(helm.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
        command.addAll(List.of(arguments));
        return Commands.output(command);
    }
}
