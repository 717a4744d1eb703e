package io.scalingstage.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A Kubernetes control plane on 127.0.0.1 started by {@code e2e/control-plane/cluster}: etcd and kube-apiserver
 * alone, or with kube-controller-manager, kube-scheduler and kwok's fake nodes. The audit log is always on.
 */
public final class LocalCluster implements TestCluster, AutoCloseable {

    private final Toolchain tools;
    private final String name;
    private final Path kubeconfig;
    private final Path auditLog;
    private final KubernetesClient client;

    private LocalCluster(Toolchain tools, String name, Path kubeconfig, Path auditLog) {
        this.tools = tools;
        this.name = name;
        this.kubeconfig = kubeconfig;
        this.auditLog = auditLog;
        this.client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, readKubeconfig(kubeconfig), kubeconfig.toString()))
                .build();
    }

    /**
     * Starts a cluster, with CloudNativePG's CRDs when asked, and installs the ScalingStage CRD from crds/.
     *
     * @param apiOnly etcd and kube-apiserver alone, or with controllers, scheduler and {@code nodes} fake nodes
     * @param metricsServer serve metrics.k8s.io from kwok's simulated usage (one node only)
     */
    public static LocalCluster start(String name, boolean apiOnly, int nodes, boolean cloudNativePg,
            boolean metricsServer) {
        Toolchain tools = Toolchain.get();
        List<String> command = new ArrayList<>(List.of(tools.clusterScript().toString(), "up", name));
        if (apiOnly) {
            command.add("--api-only");
        } else {
            command.addAll(List.of("--nodes", String.valueOf(nodes)));
        }
        if (!cloudNativePg) {
            command.add("--without-cloudnative-pg");
        }
        if (metricsServer) {
            command.add("--with-metrics-server");
        }
        String[] lines = Commands.output(command).trim().split("\n");
        Path kubeconfig = Path.of(lines[lines.length - 1]);
        Path auditLog = kubeconfig.resolveSibling("logs").resolve("audit.log");
        LocalCluster cluster = new LocalCluster(tools, name, kubeconfig, auditLog);
        try {
            cluster.kubectlOk("apply", "--server-side", "-f", tools.scalingStageCrd().toString());
            cluster.awaitEstablished("scalingstages.scalingstage.io");
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    public AuditLog auditLog() {
        return new AuditLog(auditLog);
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public Commands.Result kubectl(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(tools.kubectl().toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(Arrays.asList(args));
        return Commands.execute(command, stdin);
    }

    /** Stops every process of the control plane (etcd, the API server, controllers, kwok), keeping its data. */
    public void stopControlPlane() {
        Commands.output(List.of(tools.clusterScript().toString(), "stop", name));
    }

    /** Starts the stopped control plane again, on the same ports, and waits until the API server answers. */
    public void startControlPlane() {
        Commands.output(List.of(tools.clusterScript().toString(), "start", name));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> kubectl(null, "get", "--raw", "/readyz").exit() == 0);
    }

    /** Installs CloudNativePG's CRDs into a cluster started without them (and, on kwok, its simulated status). */
    public void installCloudNativePgCrds() {
        Commands.output(List.of(tools.clusterScript().toString(), "install-cloudnative-pg", name));
    }

    /** Stops the cluster, keeping its component logs and audit log under e2e/target/test-logs for a post-mortem. */
    @Override
    public void close() {
        client.close();
        Path logs = kubeconfig.getParent().resolve("logs");
        Path kept = tools.logDirectory("clusters").resolve(name);
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path file : files.toList()) {
                Files.copy(file, kept.resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the logs of cluster " + name + ": " + e);
        }
        Commands.output(List.of(tools.clusterScript().toString(), "down", name));
    }

    private static String readKubeconfig(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
