package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.testing.AuditLog;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.ScalingStages;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * The chart as a platform engineer uses it, with Helm 4 and with Helm 3, on a real API server: {@code helm install}
 * brings the CRD and two operator replicas admitted under the restricted Pod Security Standard; the operator,
 * authenticated as the chart's ServiceAccount and nothing else, walks every sample from stage 1 to 8 with zero 403s
 * while two replicas share the Lease and the standby takes over from a stopped leader; the chart grants nothing the
 * audit log does not show it using, save what its RBAC template justifies; {@code helm uninstall} keeps the CRD, the
 * ScalingStages, the CloudNativePG Clusters and the volumes; installing again adopts them without a write. (kwok runs
 * no container, so the operator runs as a local process with the ServiceAccount's token.)
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmInstallE2E {

    private static final String CRD = "scalingstages.scalingstage.io";
    private static final String RELEASE = "scalingstage";
    private static final String FULLNAME = "scalingstage-operator";
    private static final String NAME = "shop";
    private static final String SCRATCH = "scratch";
    private static final Duration CONVERGED = Duration.ofSeconds(120);
    /** A rule's comment naming what the walk does not use: "Beyond the walk: delete, get (why)". */
    private static final Pattern BEYOND_THE_WALK = Pattern.compile("Beyond the walk: ([a-z]+(?:, [a-z]+)*)");
    private static final Pattern FLOW_LIST = Pattern.compile("^\\s*-?\\s*(apiGroups|resources|verbs): \\[(.*)]\\s*$");

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private final List<String> report = new ArrayList<>();

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
    void installRunAsTheChartsServiceAccountUninstallAndInstallAgain(String major) throws IOException {
        Path helm = major.equals("v3") ? Toolchain.get().helm() : Toolchain.get().helm4();
        assertThat(helm(helm, "version", "--short")).startsWith(major + ".");
        String namespace = cluster.createNamespace("operator-" + major);
        String apps = cluster.createNamespace("apps-" + major);

        try {
            long installMillis = install(helm, namespace);
            report.add("Helm " + major + ": helm install --wait to 2 Ready operator pods in " + installMillis + " ms");

            long mark = cluster.auditLog().mark();
            walkWithTwoReplicas(namespace, apps, major);
            List<AuditLog.Event> requests = requestsOf(namespace, mark);
            assertThat(requests.stream().filter(request -> request.code() == 403).toList())
                    .as("requests the chart's RBAC refused").isEmpty();
            grantsNothingBeyondWhatIsUsed(helm, namespace, requests, major);

            int claims = client.persistentVolumeClaims().inNamespace(apps).list().getItems().size();
            long uninstallMark = cluster.auditLog().mark();
            helm(helm, "uninstall", RELEASE, "--namespace", namespace, "--wait", "--timeout", "2m");
            keepsEverythingThatHoldsData(namespace, apps, claims, uninstallMark);

            install(helm, namespace);
            adoptsWithoutAWrite(namespace, apps);
        } finally {
            // The ClusterRole's name is the same for every release: the next major installs only once this one is gone.
            helm(helm, "uninstall", RELEASE, "--namespace", namespace, "--ignore-not-found", "--wait", "--timeout", "2m");
            report.forEach(System.out::println);
            report.clear();
        }
    }

    /** Installs the chart and returns the milliseconds from {@code helm install} to its return with both pods Ready. */
    private long install(Path helm, String namespace) {
        long started = System.nanoTime();
        helm(helm, "install", RELEASE, Toolchain.get().helmChart().toString(), "--namespace", namespace, "--wait",
                "--timeout", "2m");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(CRD).get()).isNotNull();
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(FULLNAME).get();
        assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
        List<Pod> pods = client.pods().inNamespace(namespace).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                .list().getItems();
        assertThat(pods).as("admitted in a namespace enforcing restricted").hasSize(2)
                .allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
        return millis;
    }

    /**
     * Two operator processes as the chart's ServiceAccount, as its two replicas would run: one takes the Lease and
     * walks stages 1 to 4 while the other reconciles nothing; the leader stops, the standby takes the Lease over and
     * walks on to stage 8.
     */
    private void walkWithTwoReplicas(String namespace, String apps, String major) throws IOException {
        Path kubeconfig = cluster.kubeconfigFor(namespace, FULLNAME);
        try (OperatorProcess a = replica(kubeconfig, namespace, "replica-a", major);
                OperatorProcess b = replica(kubeconfig, namespace, "replica-b", major)) {
            String holder = awaitLeaseHolder(namespace, Set.of("replica-a", "replica-b"));
            OperatorProcess leader = holder.equals("replica-a") ? a : b;
            OperatorProcess standby = leader == a ? b : a;
            for (int stage = 1; stage <= 4; stage++) {
                walkTo(apps, stage);
            }
            assertThat(standby.metric("reconciliations_started_total")).as("reconciles of the replica without the Lease")
                    .isZero();

            long stopped = System.nanoTime();
            leader.close();
            String next = awaitLeaseHolder(namespace, Set.of(holder.equals("replica-a") ? "replica-b" : "replica-a"));
            report.add("Helm " + major + ": " + next + " took the Lease over " + (System.nanoTime() - stopped) / 1_000_000
                    + " ms after " + holder + " stopped");
            for (int stage = 5; stage <= 8; stage++) {
                walkTo(apps, stage);
            }
            assertThat(standby.metric("reconciliations_started_total")).isPositive();
            throwAwayWalk(apps);
        }
    }

    /**
     * What the walk up leaves out: a ScalingStage that keeps nothing (retention Delete) and a Redis with a volume,
     * walked from stage 8 down to 1 and then deleted, so every kind of child is also removed.
     */
    private void throwAwayWalk(String apps) throws IOException {
        String sample = Files.readString(Toolchain.get().samples().resolve("stage-8.yaml"))
                .replace("  name: " + NAME + "\n", "  name: " + SCRATCH + "\n")
                .replace("  cache:\n", "  cache:\n    persistence: true\n")
                + "  retention: Delete\n";
        Commands.Result applied = cluster.kubectl(sample, "apply", "--server-side", "-n", apps, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
        ScalingStages.awaitReady(client, apps, SCRATCH, 8, CONVERGED);
        for (int stage = 7; stage >= 1; stage--) {
            int target = stage;
            client.resources(ScalingStage.class).inNamespace(apps).withName(SCRATCH).edit(resource -> {
                resource.getSpec().setStage(target);
                return resource;
            });
            ScalingStages.awaitReady(client, apps, SCRATCH, stage, CONVERGED);
        }
        client.resources(ScalingStage.class).inNamespace(apps).withName(SCRATCH).delete();
        await().atMost(CONVERGED).until(() -> client.resources(ScalingStage.class).inNamespace(apps).withName(SCRATCH)
                .get() == null);
    }

    private OperatorProcess replica(Path kubeconfig, String namespace, String identity, String major) {
        return OperatorProcess.start(kubeconfig,
                Toolchain.get().logDirectory("helm-install-" + major).resolve(identity + ".log"),
                Map.of("SCALINGSTAGE_LEADER_ELECTION_ENABLED", "true",
                        "SCALINGSTAGE_LEADER_ELECTION_LEASE_NAMESPACE", namespace,
                        "SCALINGSTAGE_LEADER_ELECTION_IDENTITY", identity,
                        "QUARKUS_OPERATOR_SDK_CONTROLLERS_SCALINGSTAGE_MAX_RECONCILIATION_INTERVAL", "3s"));
    }

    private String awaitLeaseHolder(String namespace, Set<String> candidates) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Lease lease = client.resources(Lease.class).inNamespace(namespace).withName(FULLNAME).get();
            return lease == null ? null : lease.getSpec().getHolderIdentity();
        }, candidates::contains);
    }

    private void walkTo(String apps, int stage) {
        cluster.kubectlOk("apply", "--server-side", "-n", apps, "-f",
                Toolchain.get().samples().resolve("stage-" + stage + ".yaml").toString());
        ScalingStages.awaitReady(client, apps, NAME, stage, CONVERGED);
    }

    /**
     * Every (verb, resource) the chart grants was used in the walk, or its rule says in a comment why it is granted
     * beyond the walk.
     */
    private void grantsNothingBeyondWhatIsUsed(Path helm, String namespace, List<AuditLog.Event> requests, String major) {
        Set<String> used = requests.stream().flatMap(HelmInstallE2E::permissions).collect(Collectors.toCollection(TreeSet::new));
        List<PolicyRule> rules = new ArrayList<>(client.rbac().clusterRoles().withName(FULLNAME).get().getRules());
        client.rbac().roles().inNamespace(namespace).list().getItems().forEach(role -> rules.addAll(role.getRules()));
        Set<String> granted = new TreeSet<>();
        rules.forEach(rule -> granted.addAll(permissions(rule.getApiGroups(), rule.getResources(), rule.getVerbs())));
        Set<String> justified = justified(helm(helm, "get", "manifest", RELEASE, "--namespace", namespace));

        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        report.add("Helm " + major + ": " + rules.size() + " rules grant " + granted.size() + " (verb, resource) pairs; the "
                + "walk used " + used.size() + ": " + used);
        report.add("Helm " + major + ": granted beyond the walk, each justified in the template: " + unused);
        assertThat(used).as("used but not granted (the API server would have refused them)").isSubsetOf(granted);
        assertThat(unused).as("granted, never used, and not justified in the RBAC template").isSubsetOf(justified);
        assertThat(justified).as("justified beyond the walk in the template, yet not granted").isSubsetOf(granted);
    }

    private List<AuditLog.Event> requestsOf(String namespace, long mark) {
        String user = "system:serviceaccount:" + namespace + ":" + FULLNAME;
        return cluster.auditLog().since(mark).stream().filter(event -> event.user().equals(user))
                // Discovery and self-reviews are open to every authenticated user; the chart grants neither.
                .filter(event -> !event.resource().isEmpty() && !event.apiGroup().equals("authorization.k8s.io"))
                .toList();
    }

    /**
     * The permissions a request needed. An apply that creates its object is logged as a patch answered 201, and the
     * API server authorized it as a create as well.
     */
    private static Stream<String> permissions(AuditLog.Event event) {
        String resource = resource(event.apiGroup(), event.resource()
                + (event.subresource().isEmpty() ? "" : "/" + event.subresource()));
        return event.verb().equals("patch") && event.code() == 201
                ? Stream.of("patch " + resource, "create " + resource)
                : Stream.of(event.verb() + " " + resource);
    }

    private static List<String> permissions(List<String> apiGroups, List<String> resources, List<String> verbs) {
        List<String> permissions = new ArrayList<>();
        for (String group : apiGroups) {
            for (String resource : resources) {
                for (String verb : verbs) {
                    permissions.add(verb + " " + resource(group, resource));
                }
            }
        }
        return permissions;
    }

    private static String resource(String group, String resource) {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    /** The (verb, resource) pairs the rendered RBAC's comments grant beyond the walk, rule by rule. */
    private static Set<String> justified(String manifest) {
        Set<String> justified = new TreeSet<>();
        List<String> verbs = List.of();
        Map<String, List<String>> lists = new HashMap<>();
        for (String line : manifest.split("\n")) {
            Matcher beyond = BEYOND_THE_WALK.matcher(line);
            if (line.trim().startsWith("#") && beyond.find()) {
                verbs = List.of(beyond.group(1).split(", "));
                continue;
            }
            Matcher list = FLOW_LIST.matcher(line);
            if (!list.matches()) {
                continue;
            }
            lists.put(list.group(1), List.of(list.group(2).replace("\"", "").split(",\\s*")));
            if (list.group(1).equals("verbs")) {
                justified.addAll(permissions(lists.get("apiGroups"), lists.get("resources"), verbs));
                verbs = List.of();
                lists.clear();
            }
        }
        return justified;
    }

    private void keepsEverythingThatHoldsData(String namespace, String apps, int claims, long mark) {
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(CRD).get())
                .as("Helm never deletes a CRD from crds/").isNotNull();
        assertThat(client.resources(ScalingStage.class).inNamespace(apps).withName(NAME).get()).isNotNull();
        assertThat(client.resources(Cluster.class).inNamespace(apps).list().getItems()).as("CloudNativePG Clusters")
                .extracting(HasMetadata::getMetadata).extracting(meta -> meta.getDeletionTimestamp()).containsOnlyNulls()
                .isNotEmpty();
        List<PersistentVolumeClaim> kept = client.persistentVolumeClaims().inNamespace(apps).list().getItems();
        assertThat(kept).as("volumes").hasSize(claims).isNotEmpty()
                .allSatisfy(claim -> assertThat(claim.getMetadata().getDeletionTimestamp()).isNull());
        assertThat(cluster.auditLog().since(mark)).as("deletions of data during the uninstall")
                .noneMatch(event -> event.verb().equals("delete") && Set.of("persistentvolumeclaims", "clusters",
                        "scalingstages", "statefulsets").contains(event.resource()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(namespace).withName(FULLNAME).get())
                    .isNull();
            assertThat(client.rbac().clusterRoles().withName(FULLNAME).get()).isNull();
        });
    }

    /** A fresh operator on the reinstalled chart reconciles every ScalingStage it finds, and writes nothing. */
    private void adoptsWithoutAWrite(String namespace, String apps) {
        Path kubeconfig = cluster.kubeconfigFor(namespace, FULLNAME);
        Map<String, String> before = statuses();
        long mark = cluster.auditLog().mark();
        try (OperatorProcess operator = replica(kubeconfig, namespace, "replica-c", "reinstall")) {
            awaitLeaseHolder(namespace, Set.of("replica-c"));
            // Every ScalingStage is reconciled on start and again each 3 s: three rounds have passed over all of them.
            int resources = client.resources(ScalingStage.class).inAnyNamespace().list().getItems().size();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> operator.metric("reconciliations_success_total") >= 3 * resources);
            List<AuditLog.Event> writes = requestsOf(namespace, mark).stream()
                    .filter(AuditLog.Event::isWrite)
                    .filter(event -> !event.resource().equals("leases"))
                    .toList();
            assertThat(writes).as(() -> "writes after adopting the unchanged children; statuses before %s and after %s"
                    .formatted(before, statuses())).isEmpty();
            ScalingStages.awaitReady(client, apps, NAME, 8, CONVERGED);
        }
    }

    private Map<String, String> statuses() {
        return client.resources(ScalingStage.class).inAnyNamespace().list().getItems().stream().collect(Collectors.toMap(
                resource -> resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName(),
                resource -> Serialization.asJson(resource.getStatus())));
    }

    private String helm(Path helm, String... arguments) {
        List<String> command = new ArrayList<>(List.of(helm.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
        command.addAll(List.of(arguments));
        return Commands.output(command);
    }
}
