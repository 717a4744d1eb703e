package io.scalingstage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** A K3s cluster in a container, with the ScalingStage and CloudNativePG CRDs; usable only where a Docker engine runs. */
public final class K3sCluster implements TestCluster, AutoCloseable {

    private static final DockerImageName IMAGE = DockerImageName.parse("rancher/k3s:v1.35.4-k3s1");

    private final K3sContainer container;
    private final Path kubeconfig;
    private final KubernetesClient client;

    private K3sCluster(K3sContainer container, Path kubeconfig) {
        this.container = container;
        this.kubeconfig = kubeconfig;
        this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(container.getKubeConfigYaml())).build();
    }

    /** Whether a Docker engine answers; JUnit's condition for the K3s tests. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static K3sCluster start() {
        K3sContainer container = new K3sContainer(IMAGE);
        container.start();
        try {
            Path kubeconfig = Files.createTempFile("k3s", ".kubeconfig.yaml");
            Files.writeString(kubeconfig, container.getKubeConfigYaml());
            K3sCluster cluster = new K3sCluster(container, kubeconfig);
            Toolchain tools = Toolchain.get();
            cluster.kubectlOk("apply", "--server-side", "-f", tools.scalingStageCrd().toString());
            cluster.kubectlOk("apply", "--server-side", "-f", tools.cloudNativePgCrds().toString());
            cluster.awaitEstablished("scalingstages.scalingstage.io", "clusters.postgresql.cnpg.io",
                    "poolers.postgresql.cnpg.io");
            return cluster;
        } catch (IOException e) {
            container.stop();
            throw new IllegalStateException(e);
        } catch (RuntimeException | AssertionError e) {
            container.stop();
            throw e;
        }
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public Commands.Result kubectl(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(Toolchain.get().kubectl().toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(Arrays.asList(args));
        return Commands.execute(command, stdin);
    }

    @Override
    public void close() {
        client.close();
        container.stop();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException e) {
            System.err.println("could not delete " + kubeconfig + ": " + e);
        }
    }
}
