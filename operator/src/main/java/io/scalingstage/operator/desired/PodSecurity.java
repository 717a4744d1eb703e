package io.scalingstage.operator.desired;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** The security contexts that make a pod pass the Kubernetes "restricted" Pod Security Standard. */
public final class PodSecurity {

    private PodSecurity() {
    }

    /** For the user's images, which choose their own non-root user. */
    public static PodSecurityContext restrictedPod() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /**
     * For third-party images whose entrypoint starts as root unless told otherwise (postgres, redis): run as their
     * own service user, and give volumes to that group.
     */
    public static PodSecurityContext restrictedPod(long user) {
        PodSecurityContext context = restrictedPod();
        context.setRunAsUser(user);
        context.setRunAsGroup(user);
        context.setFsGroup(user);
        return context;
    }

    public static SecurityContext restrictedContainer() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .build();
    }

    /** For the images the operator chooses, which write only to the volumes it mounts. */
    public static SecurityContext readOnlyContainer() {
        SecurityContext context = restrictedContainer();
        context.setReadOnlyRootFilesystem(true);
        return context;
    }
}
