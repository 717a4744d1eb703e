package io.scalingstage.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.NetworkPolicyEvaluation.Pod;
import io.scalingstage.operator.plan.StagePlan;

/** What the app and the split-out services can reach, as their pods would see it. */
class ConnectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICES = """
            database: {shards: 4}
            services:
            - name: orders
              image: registry.example/orders:2.0.1
              pathPrefix: /api/orders
              resources: {requests: {cpu: 100m}}
              connections: [Database, Cache, Shards]
              metricsPort: 9090
            - name: search
              image: registry.example/search:0.9.0
              pathPrefix: /api/search
              resources: {requests: {cpu: 100m}}
            """;

    @Test
    void theAppLogsInToEveryShardOfItsMapWithTheCredentialsTheShardWasGiven() throws Exception {
        List<HasMetadata> objects = topology(ScalingStages.atStage(7, "database: {shards: 3}"));

        assertThat(loginsToShards(objects, deployment(objects, "shop"))).isEqualTo(3);
    }

    @Test
    void aServiceWiredToTheDataTiersSeesWhatTheAppSeesAndOneNotWiredSeesNothing() throws Exception {
        List<HasMetadata> objects = topology(ScalingStages.atStage(8, SERVICES));
        PodView view = new PodView(objects);
        Map<String, String> app = view.env(container(deployment(objects, "shop")));
        Map<String, String> orders = view.env(container(deployment(objects, "shop-orders")));
        Map<String, String> search = view.env(container(deployment(objects, "shop-search")));

        for (String variable : List.of("DATABASE_URL", "DATABASE_READ_URL", "REDIS_URL", "SHARD_MAP")) {
            assertThat(orders.get(variable)).as(variable).isNotNull().isEqualTo(app.get(variable));
            assertThat(search).as("search is wired to nothing").doesNotContainKey(variable);
        }
        assertThat(loginsToShards(objects, deployment(objects, "shop-orders"))).isEqualTo(4);
        assertThat(deployment(objects, "shop-search").getSpec().getTemplate().getSpec().getVolumes()).isEmpty();
    }

    @Test
    void thePoliciesLetInTheServicesWiredToATierAndScrapersToTheirMetricsPortsOnly() {
        List<HasMetadata> objects = topology(ScalingStages.atStage(8, SERVICES));
        List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
        Pod app = pod(deployment(objects, "shop"));
        Pod orders = pod(deployment(objects, "shop-orders"));
        Pod search = pod(deployment(objects, "shop-search"));
        Pod gateway = pod(deployment(objects, "shop-gateway"));
        Pod redis = pod(deployment(objects, "shop-redis"));
        Pod shard = pod(statefulSet(objects, "shop-shard-2"));
        Pod database = new Pod("shop-ns", Map.of("cnpg.io/cluster", "shop-db", "cnpg.io/instanceRole", "primary"), List.of());
        Pod prometheus = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), List.of());

        for (Pod client : List.of(app, orders)) {
            assertThat(NetworkPolicyEvaluation.allows(policies, client, database, DatabaseCluster.PORT)).isTrue();
            assertThat(NetworkPolicyEvaluation.allows(policies, client, redis, Redis.PORT)).isTrue();
            assertThat(NetworkPolicyEvaluation.allows(policies, client, shard, Shards.PORT)).isTrue();
        }
        assertThat(NetworkPolicyEvaluation.allows(policies, search, database, DatabaseCluster.PORT)).isFalse();
        assertThat(NetworkPolicyEvaluation.allows(policies, search, redis, Redis.PORT)).isFalse();
        assertThat(NetworkPolicyEvaluation.allows(policies, search, shard, Shards.PORT)).isFalse();

        assertThat(NetworkPolicyEvaluation.allows(policies, prometheus, orders, 9090)).as("scrape of orders' metrics port").isTrue();
        assertThat(NetworkPolicyEvaluation.allows(policies, prometheus, orders, 8080)).as("orders' own port, from a scraper").isFalse();
        assertThat(NetworkPolicyEvaluation.allows(policies, prometheus, search, 9090)).as("search declares no metrics port").isFalse();
        assertThat(NetworkPolicyEvaluation.allows(policies, gateway, orders, 8080)).isTrue();
        assertThat(NetworkPolicyEvaluation.allows(policies, app, orders, 8080)).as("only the gateway reaches a service").isFalse();
    }

    /** Logs in to each shard of the map the workload's pod reads; returns how many it reached. */
    private static int loginsToShards(List<HasMetadata> objects, Deployment workload) throws Exception {
        PodView view = new PodView(objects);
        Container container = container(workload);
        Map<String, String> files = view.files(workload.getSpec().getTemplate(), container);
        String mapFile = view.env(container).get("SHARD_MAP");
        assertThat(files).as("the files of " + workload.getMetadata().getName()).containsKey(mapFile);
        JsonNode shards = JSON.readTree(files.get(mapFile)).get("shards");
        for (JsonNode shard : shards) {
            String name = shard.get("host").asText().split("-0\\.")[0];
            Map<String, String> postgres = view.env(container(statefulSet(objects, name)));
            assertThat(shard.has("usernameFile") && shard.has("passwordFile"))
                    .as("the map says where the credentials of " + name + " are: " + shard).isTrue();
            assertThat(shard.get("database").asText()).isEqualTo(postgres.get("POSTGRES_DB"));
            assertThat(files).as("credentials of " + name)
                    .containsEntry(shard.get("usernameFile").asText(), postgres.get("POSTGRES_USER"))
                    .containsEntry(shard.get("passwordFile").asText(), postgres.get("POSTGRES_PASSWORD"));
        }
        return shards.size();
    }

    /** The topology, and the application user's Secret CloudNativePG generates beside the Cluster. */
    private static List<HasMetadata> topology(ScalingStage resource) {
        AtomicInteger generated = new AtomicInteger();
        StagePlan plan = StagePlan.of(resource);
        List<HasMetadata> objects = new ArrayList<>(Topology.of(plan, () -> "password-" + generated.incrementAndGet()));
        objects.add(new SecretBuilder().withNewMetadata().withName(Names.databaseAppSecret(plan)).endMetadata()
                .withData(Secrets.data("username", "app", "password", "cnpg-password", "dbname", "app",
                        "uri", "postgresql://app:cnpg-password@shop-db-rw.shop-ns:5432/app"))
                .build());
        return objects;
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return (Deployment) find(objects, Deployment.class, name);
    }

    private static StatefulSet statefulSet(List<HasMetadata> objects, String name) {
        return (StatefulSet) find(objects, StatefulSet.class, name);
    }

    private static HasMetadata find(List<HasMetadata> objects, Class<?> kind, String name) {
        return objects.stream().filter(kind::isInstance).filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Container container(StatefulSet statefulSet) {
        return statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Pod pod(Deployment deployment) {
        return pod(deployment.getSpec().getTemplate());
    }

    private static Pod pod(StatefulSet statefulSet) {
        return pod(statefulSet.getSpec().getTemplate());
    }

    private static Pod pod(PodTemplateSpec template) {
        List<ContainerPort> ports = template.getSpec().getContainers().get(0).getPorts();
        return new Pod("shop-ns", template.getMetadata().getLabels(), ports);
    }
}
