package io.scalingstage.operator.desired;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.scalingstage.operator.api.v1alpha1.CacheSpec;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * Redis, the cache of stage 5. A Deployment with the Recreate strategy rather than a StatefulSet: one instance that is
 * never running twice (two pods must not share an append-only file), and persistence can be switched on later by
 * adding a volume, which a StatefulSet's immutable claim templates would not allow.
 */
public final class Redis {

    public static final String PASSWORD_KEY = "password";
    /** The user a plain requirepass authenticates. */
    static final String USER = "default";
    public static final int PORT = 6379;
    static final String PORT_NAME = "redis";
    /** The official image's redis user. */
    static final long REDIS_USER = 999;
    /** Memory above maxmemory for Redis's own structures and fork-less headroom. */
    static final double MEMORY_LIMIT_FACTOR = 1.5;
    /** The append-only file is rewritten beside the old one: room for two copies of the data set. */
    static final double VOLUME_FACTOR = 2;

    private Redis() {
    }

    /** Its data survives a lower stage only when persisted; otherwise a cache can be rebuilt. */
    public static boolean holdsData(StagePlan plan) {
        return Boolean.TRUE.equals(cache(plan).getPersistence());
    }

    /** Created once and never regenerated: the dependent that applies Secrets only creates them. */
    public static Secret secret(StagePlan plan, Passwords passwords) {
        return new SecretBuilder()
                .withMetadata(Metadata.of(plan, Component.CACHE, Names.redis(plan), holdsData(plan)))
                .withType("Opaque")
                .withData(Secrets.data(PASSWORD_KEY, passwords.next()))
                .build();
    }

    public static Deployment deployment(StagePlan plan) {
        CacheSpec cache = cache(plan);
        Map<String, String> selector = Labels.selector(plan, Component.CACHE);
        Volume data = holdsData(plan)
                ? new VolumeBuilder().withName("data").withNewPersistentVolumeClaim().withClaimName(Names.redisVolume(plan)).endPersistentVolumeClaim().build()
                : new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build();
        return new DeploymentBuilder()
                .withMetadata(Metadata.of(plan, Component.CACHE, Names.redis(plan), holdsData(plan)))
                .withNewSpec()
                    .withReplicas(1)
                    .withNewStrategy().withType("Recreate").endStrategy()
                    .withNewSelector().withMatchLabels(selector).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(Labels.pod(plan, Component.CACHE, selector)).endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withSecurityContext(PodSecurity.restrictedPod(REDIS_USER))
                            .addNewContainer()
                                .withName("redis")
                                .withImage(cache.getImage())
                                .withArgs(args(cache))
                                .addToEnv(EnvVars.fromSecret("REDIS_PASSWORD", Names.redis(plan), PASSWORD_KEY))
                                .addNewPort().withName(PORT_NAME).withContainerPort(PORT).withProtocol("TCP").endPort()
                                .withNewReadinessProbe()
                                    .withNewTcpSocket().withPort(new IntOrString(PORT_NAME)).endTcpSocket()
                                    .withPeriodSeconds(5)
                                .endReadinessProbe()
                                .withNewResources()
                                    .addToRequests("cpu", new Quantity("100m"))
                                    .addToRequests("memory", cache.getMemory())
                                    .addToLimits("memory", Quantities.scaled(cache.getMemory(), MEMORY_LIMIT_FACTOR))
                                .endResources()
                                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                                .withSecurityContext(PodSecurity.readOnlyContainer())
                            .endContainer()
                            .withVolumes(data)
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    public static Service service(StagePlan plan) {
        return Services.clusterIp(plan, Component.CACHE, Names.redis(plan), Labels.selector(plan, Component.CACHE), PORT,
                PORT_NAME, false, holdsData(plan));
    }

    /** Only with persistence on. */
    public static PersistentVolumeClaim volume(StagePlan plan) {
        return new PersistentVolumeClaimBuilder()
                .withMetadata(Metadata.of(plan, Component.CACHE, Names.redisVolume(plan), true))
                .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withStorageClassName(plan.resource().getSpec().getDatabase().getStorage().getStorageClass())
                    .withNewResources().addToRequests("storage", Quantities.scaled(cache(plan).getMemory(), VOLUME_FACTOR)).endResources()
                .endSpec()
                .build();
    }

    /** The password reaches Redis by variable expansion: the pod spec holds $(REDIS_PASSWORD), never the value. */
    private static List<String> args(CacheSpec cache) {
        return List.of("redis-server",
                "--requirepass", "$(REDIS_PASSWORD)",
                "--maxmemory", String.valueOf(Quantities.bytes(cache.getMemory())),
                "--maxmemory-policy", cache.getMaxMemoryPolicy().redisName(),
                "--appendonly", Boolean.TRUE.equals(cache.getPersistence()) ? "yes" : "no",
                "--save", "");
    }

    private static CacheSpec cache(StagePlan plan) {
        return plan.resource().getSpec().getCache();
    }
}
