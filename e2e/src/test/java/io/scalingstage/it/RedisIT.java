package io.scalingstage.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.desired.App;
import io.scalingstage.operator.desired.Redis;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.testing.Commands;
import io.scalingstage.testing.KubeletEnv;
import io.scalingstage.testing.RedisServer;
import io.scalingstage.testing.Toolchain;

/**
 * The cache of stage 5 as Debian's Redis runs it with the generated arguments, reached the way the app is told to:
 * through REDIS_URL, with redis-cli, the client a user reaches for first.
 */
class RedisIT {

    private static final StagePlan PLAN = StagePlan.of(new KubernetesSerialization().unmarshal("""
            apiVersion: scalingstage.io/v1alpha1
            kind: ScalingStage
            metadata: {name: shop, namespace: shop-ns, uid: 00000000-0000-0000-0000-000000000001}
            spec:
              stage: 5
              app:
                image: registry.example/shop:1.4.2
                resources: {requests: {cpu: 500m}}
              cache: {memory: 64Mi, maxMemoryPolicy: allkeys-lfu}
            """, ScalingStage.class));

    private static Secret secret;
    private static RedisServer redis;

    @BeforeAll
    static void startRedisAsTheDeploymentRunsIt() {
        secret = Redis.secret(PLAN, () -> "s3cretPassw0rdOfThirtyTwoLetters");
        Container container = Redis.deployment(PLAN).getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = KubeletEnv.resolve(container.getEnv(), RedisIT::secretValue);
        List<String> args = container.getArgs().stream().map(arg -> KubeletEnv.expand(arg, env)).toList();
        redis = RedisServer.start(Toolchain.get().logDirectory("redis-" + System.nanoTime()), args);
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theAppsRedisUrlLogsInWithRedisCli() {
        Commands.Result ping = RedisServer.cli("-u", redisUrl(), "ping");
        assertThat(ping.stdout() + ping.stderr()).as("redis-cli -u $REDIS_URL ping").isEqualTo("PONG\n");

        Commands.Result set = RedisServer.cli("-u", redisUrl(), "set", "session:1", "alice");
        assertThat(set.stdout()).isEqualTo("OK\n");
        assertThat(RedisServer.cli("-u", redisUrl(), "get", "session:1").stdout()).isEqualTo("alice\n");
    }

    @Test
    void aClientWithoutThePasswordIsRefused() {
        Commands.Result anonymous = RedisServer.cli("-h", "127.0.0.1", "-p", String.valueOf(redis.port()), "get", "session:1");
        assertThat(anonymous.stdout() + anonymous.stderr()).contains("NOAUTH");

        String wrong = redisUrl().replaceFirst(":[A-Za-z0-9]+@", ":not-the-password@");
        Commands.Result guessed = RedisServer.cli("-u", wrong, "get", "session:1");
        assertThat(guessed.stdout() + guessed.stderr()).contains("WRONGPASS");
    }

    @Test
    void theCacheEvictsAsTheSpecSays() {
        assertThat(RedisServer.cli("-u", redisUrl(), "config", "get", "maxmemory-policy").stdout())
                .isEqualTo("maxmemory-policy\nallkeys-lfu\n");
        assertThat(RedisServer.cli("-u", redisUrl(), "config", "get", "maxmemory").stdout())
                .isEqualTo("maxmemory\n" + 64 * 1024 * 1024 + "\n");
        assertThat(RedisServer.cli("-u", redisUrl(), "config", "get", "appendonly").stdout()).isEqualTo("appendonly\nno\n");
    }

    /** REDIS_URL as the kubelet gives it to the app, pointed at the local server instead of the Service. */
    private static String redisUrl() {
        Container app = App.workload(PLAN).deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        String url = KubeletEnv.resolve(app.getEnv(), RedisIT::secretValue).get("REDIS_URL");
        String service = "@" + Redis.service(PLAN).getMetadata().getName() + ":" + Redis.PORT + "/";
        assertThat(url).as("REDIS_URL names the Service").contains(service);
        return url.replace(service, "@127.0.0.1:" + redis.port() + "/");
    }

    /** Secrets as the API server stores them: the Redis password the operator generated, placeholders for the rest. */
    private static String secretValue(String name, String key) {
        if (name.equals(secret.getMetadata().getName())) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)));
        }
        return "unused-" + key;
    }
}
