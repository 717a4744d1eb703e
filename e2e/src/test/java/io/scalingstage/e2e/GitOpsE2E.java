package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalingstage.testing.AppSignals;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.GitOpsCase;
import io.scalingstage.testing.GitOpsHealth;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.PromotionFixture;
import io.scalingstage.testing.RawWatch;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * What Argo CD (samples/gitops/argocd/health.lua, run in Lua 5.1) and Flux (kstatus) make of a ScalingStage in each
 * state that matters, read from the objects the API server returns on a kwok cluster with the operator and a real
 * Prometheus. Each object is kept in e2e/target/gitops-captures; the expectations are {@link GitOpsCase}'s. The
 * cluster starts without CloudNativePG, for the first case, and gets it after.
 */
@WithKwokCluster(cloudNativePg = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitOpsE2E {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CAPTURES = Toolchain.get().root().resolve("e2e/target/gitops-captures");

    private final LocalCluster cluster;
    private final KubernetesClient client;
    private PromotionFixture fixture;
    /** A stage-1 ScalingStage applied before CloudNativePG is installed. */
    private String withoutProvider;
    private boolean cloudNativePgInstalled;

    GitOpsE2E(LocalCluster cluster) {
        this.cluster = cluster;
        this.client = cluster.client();
    }

    @BeforeAll
    void start() throws IOException {
        Files.createDirectories(CAPTURES);
        fixture = PromotionFixture.start(cluster, "gitops", Map.of("SCALINGSTAGE_DATABASE_PROVIDER_RECHECK_INTERVAL", "2s"));
        withoutProvider = cluster.createNamespace("nocnpg");
        apply(withoutProvider, sample());
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    @Order(1)
    void withoutCloudNativePgTheStageIsDegradedAndFailedUntilItArrives() throws IOException {
        capture(GitOpsCase.DATABASE_PROVIDER_MISSING, awaitObject(withoutProvider,
                object -> "DatabaseProviderMissing".equals(condition(object, "Ready").path("reason").asText())));

        String adopted = installCloudNativePg();
        assertThat(GitOpsHealth.argoCd(adopted).status()).isNotEqualTo("Degraded");
        assertThat(GitOpsHealth.kstatus(adopted).status()).isNotEqualTo("Failed");
    }

    @Test
    @Order(2)
    void aNewStageIsProgressingUntilReadyAndANewGenerationUntilObserved() throws IOException {
        installCloudNativePg();
        String namespace = cluster.createNamespace("converge");
        Commands.Result created = cluster.kubectl(sample(), "apply", "--server-side", "-n", namespace, "-o", "json", "-f", "-");
        assertThat(created.exit()).as(created.stderr()).isZero();
        capture(GitOpsCase.CREATED, created.stdout());

        String version = parse(created.stdout()).at("/metadata/resourceVersion").asText();
        try (RawWatch watch = RawWatch.start(cluster, namespace, "shop", version,
                Toolchain.get().logDirectory("gitops").resolve("converge-watch.jsonl"))) {
            // The first status the operator ever wrote, whatever came after it.
            capture(GitOpsCase.CONVERGING, watch.awaitFirst(object -> object.has("status"), Duration.ofSeconds(60)).toString());
            capture(GitOpsCase.CONVERGED, watch.awaitFirst(GitOpsE2E::ready, Duration.ofSeconds(180)).toString());
        }

        Commands.Result patched = cluster.kubectl(null, "patch", "scalingstage", "shop", "-n", namespace, "--type", "merge",
                "-p", "{\"spec\": {\"app\": {\"image\": \"registry.example/shop:1.4.3\"}}}", "-o", "json");
        assertThat(patched.exit()).as(patched.stderr()).isZero();
        capture(GitOpsCase.NEW_GENERATION, patched.stdout());
    }

    @Test
    @Order(3)
    void aChildTheApiServerRefusesMakesTheStageDegradedAndFailed() throws IOException {
        installCloudNativePg();
        String namespace = cluster.createNamespace("refused");
        client.resourceQuotas().inNamespace(namespace).resource(new ResourceQuotaBuilder()
                .withNewMetadata().withName("no-deployments").endMetadata()
                .withNewSpec().addToHard("count/deployments.apps", new Quantity("0")).endSpec()
                .build()).create();
        // Admission enforces a quota once its controller has counted what the namespace holds.
        await().atMost(Duration.ofSeconds(30)).until(() -> client.resourceQuotas().inNamespace(namespace)
                .withName("no-deployments").get().getStatus().getHard() != null);
        apply(namespace, sample());

        capture(GitOpsCase.CHILD_REFUSED,
                awaitObject(namespace, object -> "ReconcileFailed".equals(condition(object, "Ready").path("reason").asText())));
    }

    @Test
    @Order(4)
    void aRecommendationWaitingForAPersonIsSuspended() throws IOException {
        capture(GitOpsCase.RECOMMENDED, withFiringTrigger("Recommend",
                object -> "True".equals(condition(object, "PromotionRecommended").path("status").asText())));
    }

    @Test
    @Order(5)
    void manualModeWithItsTriggerFiringIsSuspended() throws IOException {
        capture(GitOpsCase.MANUAL_TRIGGER_FIRING, withFiringTrigger("Manual",
                object -> "Firing".equals(object.at("/status/plan/state").asText())));
    }

    /**
     * A stage-1 ScalingStage in that promotion mode whose app's CPU stays above its trigger on real Prometheus data,
     * as the API server returns it once it is ready and {@code wanted} accepts it.
     */
    private String withFiringTrigger(String mode, Predicate<JsonNode> wanted) {
        installCloudNativePg();
        String namespace = cluster.createNamespace(mode.toLowerCase(Locale.ROOT));
        new AppSignals(fixture.exporter(), namespace).appCpu(0.9);
        apply(namespace, PromotionFixture.scalingStage(mode, "5s", fixture.prometheusSettings(), "", ""));
        return awaitObject(namespace, object -> ready(object) && wanted.test(object));
    }

    /**
     * Installs CloudNativePG once, and waits for the operator to take it up: the ScalingStage that had no database
     * provider is no longer degraded. Returns that ScalingStage as the API server returns it then.
     */
    private String installCloudNativePg() {
        if (!cloudNativePgInstalled) {
            cluster.installCloudNativePgCrds();
            cloudNativePgInstalled = true;
        }
        return awaitObject(withoutProvider, object -> "False".equals(condition(object, "Degraded").path("status").asText()));
    }

    private static String sample() throws IOException {
        return Files.readString(Toolchain.get().samples().resolve("stage-1.yaml"));
    }

    private void apply(String namespace, String manifest) {
        Commands.Result applied = cluster.kubectl(manifest, "apply", "--server-side", "-n", namespace, "-f", "-");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
    }

    /** ScalingStage {@code shop} as the API server returns it, once {@code wanted} accepts it. */
    private String awaitObject(String namespace, Predicate<JsonNode> wanted) {
        String path = "/apis/scalingstage.io/v1alpha1/namespaces/" + namespace + "/scalingstages/shop";
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> client.raw(path), json -> json != null && wanted.test(parse(json)));
    }

    /** Keeps the object under e2e/target/gitops-captures and checks what both tools make of it. */
    private static void capture(GitOpsCase state, String json) throws IOException {
        Path file = CAPTURES.resolve(state.file());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(parse(json)) + "\n");
        state.check(Files.readString(file));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the API server returned no JSON: " + json, e);
        }
    }

    private static boolean ready(JsonNode object) {
        return "True".equals(condition(object, "Ready").path("status").asText());
    }

    /** The condition of that type, or a missing node. */
    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return JSON.missingNode();
    }
}
