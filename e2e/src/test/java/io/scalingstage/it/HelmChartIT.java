package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.OperatorIdentity;
import io.scalingstage.testing.Toolchain;

/**
 * The Helm chart, checked without a cluster by the Helm the project builds: it lints clean, carries the project's CRD
 * unchanged, refuses bad values naming the field, grants RBAC without a wildcard in the scope watchNamespaces asks
 * for, and every pod it renders meets the restricted Pod Security Standard.
 */
class HelmChartIT {

    /** The release and namespace the e2e suite installs, so the ServiceAccount is the one the operator runs as there. */
    private static final String RELEASE = "scalingstage";
    private static final String NAMESPACE = OperatorIdentity.NAMESPACE;
    private static final String NAMESPACES_ENV = "QUARKUS_OPERATOR_SDK_CONTROLLERS_SCALINGSTAGE_NAMESPACES";
    private static final String LEADER_ELECTION = OperatorIdentity.SERVICE_ACCOUNT + "-leader-election";
    private static final String SERVICE_MONITOR_API = "monitoring.coreos.com/v1/ServiceMonitor";
    private static final Set<String> WORKLOAD_KINDS = Set.of("Pod", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob");
    /** The volume types the restricted profile allows. */
    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    /** Every option that reaches the pod, set at once. */
    private static final String EVERY_POD_OPTION = """
            image:
              repository: registry.example:5000/platform/scalingstage-operator
              tag: 9.9.9
              digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              pullPolicy: Always
            imagePullSecrets: [{name: regcred}]
            watchNamespaces: [team-a, team-b]
            logLevel: DEBUG
            logFormat: json
            javaOptions: -XX:MaxRAMPercentage=60
            resources: {requests: {cpu: 50m, memory: 300Mi}, limits: {memory: 600Mi}}
            extraEnv: [{name: HTTP_PROXY, value: "http://proxy.example:3128"}]
            nodeSelector: {node-role.example/operators: "true"}
            tolerations: [{key: dedicated, operator: Equal, value: operators, effect: NoSchedule}]
            affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]}]}}}
            priorityClassName: operators-high
            podAnnotations: {example.com/team: platform}
            """;

    private final Toolchain tools = Toolchain.get();

    @Test
    void lintsCleanUnderStrict() {
        Commands.Result lint = helm(null, "lint", "--strict", tools.helmChart().toString());
        assertThat(lint.exit()).as(lint.stdout() + lint.stderr()).isZero();
    }

    @Test
    void chartCrdIsByteIdenticalToTheProjectCrd() throws IOException {
        var chartCrd = tools.helmChart().resolve("crds").resolve(tools.scalingStageCrd().getFileName());
        assertThat(Files.mismatch(chartCrd, tools.scalingStageCrd()))
                .as("the chart's CRD differs from crds/: cp %s %s", tools.root().relativize(tools.scalingStageCrd()),
                        tools.root().relativize(chartCrd))
                .isEqualTo(-1L);
    }

    /** Each bad value and the part of Helm's message that names it. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("replicas: two", "'/replicas'"),
                Arguments.of("replicas: -1", "'/replicas'"),
                Arguments.of("replicas: 0", "'/replicas'"),
                Arguments.of("replica: 1", "'replica'"),
                Arguments.of("image: {tag: \"1.0 beta\"}", "'/image/tag'"),
                Arguments.of("image: {pullPolicy: Sometimes}", "'/image/pullPolicy'"),
                Arguments.of("image: {digest: \"sha256:abc\"}", "'/image/digest'"),
                Arguments.of("image: {repository: \"Registry Example/operator\"}", "'/image/repository'"),
                Arguments.of("logLevel: VERBOSE", "'/logLevel'"),
                Arguments.of("logFormat: yaml", "'/logFormat'"),
                Arguments.of("watchNamespaces: team-a", "'/watchNamespaces'"),
                Arguments.of("watchNamespaces: [Team_A]", "'/watchNamespaces/0'"),
                Arguments.of("resources: big", "'/resources'"),
                Arguments.of("resources: {limits: {memory: lots}}", "'/resources/limits/memory'"),
                Arguments.of("priorityClassName: 5", "'/priorityClassName'"),
                Arguments.of("imagePullSecrets: [regcred]", "'/imagePullSecrets/0'"),
                Arguments.of("extraEnv: [{value: x}]", "'/extraEnv/0'"),
                Arguments.of("nodeSelector: {disktype: 1}", "'/nodeSelector/disktype'"),
                Arguments.of("tolerations: {key: dedicated}", "'/tolerations'"),
                Arguments.of("podAnnotations: [team]", "'/podAnnotations'"),
                Arguments.of("serviceMonitor: {enabled: \"yes\"}", "'/serviceMonitor/enabled'"),
                Arguments.of("serviceMonitor: {interval: 30}", "'/serviceMonitor/interval'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueFailsNamingTheField(String values, String field) {
        Commands.Result result = template(values);
        assertThat(result.exit()).as("helm template accepted %s", values).isNotZero();
        assertThat(result.stderr()).contains("values don't meet the specifications of the schema").contains(field);
    }

    @Test
    void watchingEveryNamespaceGrantsOneClusterRoleWithoutWildcards() {
        List<HasMetadata> objects = render("{}");

        ClusterRole role = single(objects, ClusterRole.class);
        assertNoWildcard(role.getRules(), "ClusterRole");
        ClusterRoleBinding binding = single(objects, ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(this::isTheOperatorServiceAccount);
        assertThat(watchRoles(objects, Role.class)).isEmpty();
        assertThat(watchRoles(objects, RoleBinding.class)).isEmpty();
        Deployment deployment = single(objects, Deployment.class);
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(OperatorIdentity.SERVICE_ACCOUNT);
        assertThat(env(deployment, NAMESPACES_ENV)).isEqualTo("JOSDK_ALL_NAMESPACES");
    }

    @Test
    void listedNamespacesGetARoleAndBindingEachAndNothingClusterWide() {
        List<PolicyRule> clusterRules = single(render("{}"), ClusterRole.class).getRules();
        List<HasMetadata> objects = render("watchNamespaces: [team-a, team-b]");

        assertThat(all(objects, ClusterRole.class)).isEmpty();
        assertThat(all(objects, ClusterRoleBinding.class)).isEmpty();
        List<Role> roles = watchRoles(objects, Role.class);
        assertThat(roles).extracting(role -> role.getMetadata().getNamespace()).containsExactlyInAnyOrder("team-a", "team-b");
        for (Role role : roles) {
            assertNoWildcard(role.getRules(), "Role in " + role.getMetadata().getNamespace());
            assertThat(role.getRules()).as("a Role grants what the ClusterRole would").isEqualTo(clusterRules);
        }
        List<RoleBinding> bindings = watchRoles(objects, RoleBinding.class);
        assertThat(bindings).extracting(binding -> binding.getMetadata().getNamespace()).containsExactlyInAnyOrder("team-a", "team-b");
        for (RoleBinding binding : bindings) {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(binding.getRoleRef().getName()).isEqualTo(roles.get(0).getMetadata().getName());
            assertThat(binding.getSubjects()).singleElement().satisfies(this::isTheOperatorServiceAccount);
        }
        assertThat(env(single(objects, Deployment.class), NAMESPACES_ENV)).isEqualTo("team-a,team-b");
    }

    @Test
    void leaderElectionIsGrantedOnLeasesInTheReleaseNamespaceOnly() {
        for (String values : List.of("{}", "watchNamespaces: [team-a, team-b]")) {
            List<HasMetadata> objects = render(values);
            Role role = single(objects.stream().filter(object -> object.getMetadata().getName().equals(LEADER_ELECTION))
                    .toList(), Role.class);
            assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(role.getRules()).singleElement().satisfies(rule -> {
                assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
                assertThat(rule.getResources()).containsExactly("leases");
                assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update", "patch");
            });
            RoleBinding binding = single(objects.stream().filter(object -> object.getMetadata().getName()
                    .equals(LEADER_ELECTION)).toList(), RoleBinding.class);
            assertThat(binding.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
            assertThat(binding.getRoleRef().getName()).isEqualTo(LEADER_ELECTION);
            assertThat(binding.getSubjects()).singleElement().satisfies(this::isTheOperatorServiceAccount);
            Deployment deployment = single(objects, Deployment.class);
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                    .filteredOn(variable -> variable.getName().equals("SCALINGSTAGE_LEADER_ELECTION_LEASE_NAMESPACE"))
                    .singleElement().satisfies(variable -> assertThat(variable.getValueFrom().getFieldRef().getFieldPath())
                            .isEqualTo("metadata.namespace"));
        }
    }

    @Test
    void serviceMonitorOnlyWhereTheClusterServesItsApi() {
        assertThat(kinds(render("serviceMonitor: {enabled: true}"))).doesNotContain("ServiceMonitor");
        assertThat(kinds(render("{}", "--api-versions", SERVICE_MONITOR_API))).doesNotContain("ServiceMonitor");

        GenericKubernetesResource monitor = single(render("serviceMonitor: {enabled: true, labels: {release: prometheus}}",
                "--api-versions", SERVICE_MONITOR_API), GenericKubernetesResource.class);
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat((Object) monitor.get("spec", "endpoints", 0, "path")).isEqualTo("/q/metrics");
        assertThat((Object) monitor.get("spec", "endpoints", 0, "port")).isEqualTo("http");
    }

    @Test
    void everyPodOptionReachesThePod() {
        Deployment deployment = single(render(EVERY_POD_OPTION), Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container operator = pod.getContainers().get(0);

        assertThat(operator.getImage()).as("the digest wins over the tag")
                .isEqualTo("registry.example:5000/platform/scalingstage-operator@sha256:"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
        assertThat(pod.getImagePullSecrets()).extracting(secret -> secret.getName()).containsExactly("regcred");
        assertThat(env(deployment, "QUARKUS_LOG_LEVEL")).isEqualTo("DEBUG");
        assertThat(env(deployment, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
        assertThat(env(deployment, "JDK_JAVA_OPTIONS")).isEqualTo("-XX:MaxRAMPercentage=60");
        assertThat(env(deployment, "HTTP_PROXY")).isEqualTo("http://proxy.example:3128");
        assertThat(operator.getResources().getLimits()).containsEntry("memory", new Quantity("600Mi"));
        assertThat(operator.getResources().getRequests()).containsEntry("memory", new Quantity("300Mi"));
        assertThat(pod.getNodeSelector()).containsEntry("node-role.example/operators", "true");
        assertThat(pod.getTolerations()).extracting(toleration -> toleration.getKey()).containsExactly("dedicated");
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getPriorityClassName()).isEqualTo("operators-high");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("example.com/team", "platform");
    }

    @Test
    void theDefaultImageIsTheOneTheBuildMakes() {
        Container operator = single(render("{}"), Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(operator.getImage()).as("the chart's appVersion names the image the build tags")
                .isEqualTo(tools.operatorImageReference())
                .isEqualTo("ghcr.io/scalingstage/scalingstage-operator:0.1.0");
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(operator.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(operator.getEnv()).filteredOn(variable -> variable.getName().equals("QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                .singleElement().satisfies(variable -> assertThat(variable.getValue()).isEqualTo("false"));
    }

    @Test
    void everyRenderedPodMeetsTheRestrictedPodSecurityStandard() {
        for (String values : List.of("{}", "watchNamespaces: [team-a, team-b]", EVERY_POD_OPTION)) {
            List<HasMetadata> objects = render(values);
            assertThat(objects).as("no workload but the operator's Deployment")
                    .noneMatch(object -> WORKLOAD_KINDS.contains(object.getKind()));
            List<Deployment> deployments = all(objects, Deployment.class);
            assertThat(deployments).isNotEmpty();
            deployments.forEach(deployment -> assertRestricted(deployment.getSpec().getTemplate().getSpec(),
                    "Deployment " + deployment.getMetadata().getName() + " with values " + values));
        }
    }

    /** The rules of the restricted profile (Kubernetes' Pod Security Standards), plus a read-only root filesystem. */
    private static void assertRestricted(PodSpec pod, String where) {
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        assertThat(pod.getHostNetwork()).as("%s: hostNetwork", where).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).as("%s: hostPID", where).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).as("%s: hostIPC", where).isNotEqualTo(Boolean.TRUE);
        for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            Set<?> fields = Serialization.unmarshal(Serialization.asJson(volume), Map.class).keySet();
            assertThat(fields.stream().map(String::valueOf).filter(field -> !field.equals("name")).toList())
                    .as("%s: volume %s", where, volume.getName()).isSubsetOf(RESTRICTED_VOLUME_TYPES);
        }
        if (podContext.getRunAsUser() != null) {
            assertThat(podContext.getRunAsUser()).as("%s: pod runAsUser", where).isNotZero();
        }
        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
        for (Container container : containers) {
            String name = where + ", container " + container.getName();
            SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
            assertThat(firstSet(context.getRunAsNonRoot(), podContext.getRunAsNonRoot())).as("%s: runAsNonRoot", name)
                    .isEqualTo(Boolean.TRUE);
            assertThat(firstSet(context.getRunAsUser(), podContext.getRunAsUser())).as("%s: a numeric non-root user", name)
                    .isNotNull().isNotZero();
            assertThat(context.getPrivileged()).as("%s: privileged", name).isNotEqualTo(Boolean.TRUE);
            assertThat(context.getAllowPrivilegeEscalation()).as("%s: allowPrivilegeEscalation", name).isFalse();
            assertThat(context.getCapabilities()).as("%s: capabilities", name).isNotNull();
            assertThat(context.getCapabilities().getDrop()).as("%s: capabilities dropped", name).contains("ALL");
            assertThat(Optional.ofNullable(context.getCapabilities().getAdd()).orElse(List.of()))
                    .as("%s: capabilities added", name).isSubsetOf("NET_BIND_SERVICE");
            SeccompProfile profile = firstSet(context.getSeccompProfile(), podContext.getSeccompProfile());
            String seccomp = profile == null ? null : profile.getType();
            assertThat(seccomp).as("%s: seccomp profile", name).isIn("RuntimeDefault", "Localhost");
            assertThat(context.getReadOnlyRootFilesystem()).as("%s: readOnlyRootFilesystem", name).isTrue();
            assertThat(Optional.ofNullable(container.getPorts()).orElse(List.of()))
                    .as("%s: host ports", name).allMatch(port -> port.getHostPort() == null || port.getHostPort() == 0);
        }
    }

    private static <T> T firstSet(T containerLevel, T podLevel) {
        return containerLevel != null ? containerLevel : podLevel;
    }

    private static void assertNoWildcard(List<PolicyRule> rules, String where) {
        assertThat(rules).as("%s has rules", where).isNotEmpty();
        for (PolicyRule rule : rules) {
            List<String> named = Stream.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs(),
                    rule.getResourceNames(), rule.getNonResourceURLs())
                    .filter(Objects::nonNull).flatMap(List::stream).toList();
            assertThat(named).as("%s: rule %s", where, rule).noneMatch(entry -> entry.contains("*"));
        }
    }

    private void isTheOperatorServiceAccount(Subject subject) {
        assertThat(subject.getKind()).isEqualTo("ServiceAccount");
        assertThat(subject.getName()).isEqualTo(OperatorIdentity.SERVICE_ACCOUNT);
        assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
    }

    private static String env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(variable -> variable.getName().equals(name)).map(EnvVar::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name));
    }

    /** The rendered objects; the values are YAML, given on standard input. */
    private List<HasMetadata> render(String values, String... extraArguments) {
        Commands.Result result = template(values, extraArguments);
        assertThat(result.exit()).as("helm template with %s: %s", values, result.stderr()).isZero();
        return Arrays.stream(result.stdout().split("(?m)^---\\s*$"))
                .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
                .map(document -> (HasMetadata) Serialization.unmarshal(document))
                .toList();
    }

    private Commands.Result template(String values, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("template", RELEASE, tools.helmChart().toString(),
                "--namespace", NAMESPACE, "--values", "-"));
        arguments.addAll(List.of(extraArguments));
        return helm(values, arguments.toArray(String[]::new));
    }

    private Commands.Result helm(String stdin, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.helm().toString()));
        command.addAll(List.of(arguments));
        return Commands.execute(command, stdin);
    }

    private static Set<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
    }

    /** The Roles or RoleBindings that grant the watched namespaces, not the leader election's. */
    private static <T extends HasMetadata> List<T> watchRoles(List<HasMetadata> objects, Class<T> type) {
        return all(objects, type).stream().filter(object -> !object.getMetadata().getName().equals(LEADER_ELECTION)).toList();
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T single(List<HasMetadata> objects, Class<T> type) {
        List<T> matching = all(objects, type);
        assertThat(matching).as("one %s", type.getSimpleName()).hasSize(1);
        return matching.get(0);
    }
}
