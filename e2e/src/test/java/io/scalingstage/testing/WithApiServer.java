package io.scalingstage.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class its own etcd and kube-apiserver (no controllers, no nodes) with the ScalingStage CRD installed;
 * test methods and constructors receive it as a {@link LocalCluster} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalClusterExtension.class)
public @interface WithApiServer {

    /** Install CloudNativePG's Cluster and Pooler CRDs too. */
    boolean cloudNativePg() default true;
}
