package io.scalingstage.testing;

import java.nio.file.Path;

/** The identity the operator runs as in the tests, so the audit log tells its requests apart. */
public final class OperatorIdentity {

    public static final String NAMESPACE = "scalingstage-system";
    public static final String SERVICE_ACCOUNT = "scalingstage-operator";
    public static final String USER = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;

    private OperatorIdentity() {
    }

    /**
     * A kubeconfig for the operator's ServiceAccount, bound to cluster-admin: these tests prove behaviour, not
     * permissions.
     */
    public static Path kubeconfig(TestCluster cluster) {
        cluster.bindClusterRole(NAMESPACE, SERVICE_ACCOUNT, "cluster-admin");
        return cluster.kubeconfigFor(NAMESPACE, SERVICE_ACCOUNT);
    }
}
