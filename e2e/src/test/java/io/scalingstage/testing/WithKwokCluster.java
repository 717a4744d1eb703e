package io.scalingstage.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class its own kwok cluster (etcd, kube-apiserver, kube-controller-manager, kube-scheduler and fake
 * nodes on loopback addresses) with the ScalingStage CRD installed; test methods and constructors receive it as a
 * {@link LocalCluster} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalClusterExtension.class)
public @interface WithKwokCluster {

    /** Install CloudNativePG's Cluster and Pooler CRDs too (kwok then plays CloudNativePG's status updates). */
    boolean cloudNativePg() default true;

    /** Fake nodes; must be 1 with {@link #metricsServer()}, which dials the node. */
    int nodes() default 3;

    /**
     * Run metrics-server, so the {@code metrics.k8s.io} API serves pod and node usage that kwok simulates: a pod's
     * CPU is its {@code kwok.x-k8s.io/usage-cpu} annotation (1m without it), read within one 10 s scrape of a change.
     */
    boolean metricsServer() default false;
}
