package io.scalingstage.operator.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

/**
 * Two or more replicas share one Lease, so only its holder reconciles; the others keep warm caches and take over when
 * the holder stops renewing it. The Quarkus Operator SDK reads this bean at start; a null one turns election off.
 * <p>
 * The Lease needs a namespace. In a pod it is the pod's own (the chart passes it; the service account's namespace file
 * says it otherwise). A process started by hand (the demo, {@code quarkus:dev}) has neither: rather than exit, as JOSDK
 * does when it cannot infer one, it runs alone unless a Lease namespace is configured.
 */
public class LeaderElection {

    private static final Logger LOG = Logger.getLogger(LeaderElection.class);

    /** The Lease's name, one per installation (its namespace tells installations apart). */
    public static final String LEASE_NAME = "scalingstage-operator";
    /** Where the kubelet mounts the pod's namespace beside its service account token. */
    static final Path POD_NAMESPACE_FILE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    @ConfigProperty(name = "scalingstage.leader-election.enabled", defaultValue = "true")
    boolean enabled;

    /** Empty: the pod's namespace; outside a pod, no election. */
    @ConfigProperty(name = "scalingstage.leader-election.lease-namespace")
    Optional<String> leaseNamespace;

    /** Empty: the pod's name (HOSTNAME), which is unique among the replicas. */
    @ConfigProperty(name = "scalingstage.leader-election.identity")
    Optional<String> identity;

    /**
     * Whether and where this process takes part in leader election.
     *
     * @param namespace the Lease's namespace, or empty for a process that reconciles alone
     * @param reason why, for the log line at start
     */
    record Choice(Optional<String> namespace, String reason) {

        static Choice of(boolean enabled, Optional<String> configured, Optional<String> podNamespace) {
            if (!enabled) {
                return new Choice(Optional.empty(), "scalingstage.leader-election.enabled is false");
            }
            if (configured.isPresent()) {
                return new Choice(configured, "scalingstage.leader-election.lease-namespace is " + configured.get());
            }
            if (podNamespace.isPresent()) {
                return new Choice(podNamespace, "running in a pod of namespace " + podNamespace.get());
            }
            return new Choice(Optional.empty(), "not running in a pod and no scalingstage.leader-election.lease-namespace"
                    + " (SCALINGSTAGE_LEADER_ELECTION_LEASE_NAMESPACE) is set; set it to share a Lease with other replicas");
        }

        String logLine() {
            return namespace.map(ns -> "Leader election on: Lease " + ns + "/" + LEASE_NAME + " (" + reason + ")")
                    .orElse("Leader election off, this process reconciles alone (" + reason + ")");
        }
    }

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection() {
        Choice choice = Choice.of(enabled, leaseNamespace.filter(ns -> !ns.isBlank()), podNamespace(POD_NAMESPACE_FILE));
        LOG.info(choice.logLine());
        return choice.namespace().map(namespace -> new LeaderElectionConfiguration(LEASE_NAME, namespace,
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, identity.orElse(null), null, true))
                .orElse(null);
    }

    static Optional<String> podNamespace(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()).filter(ns -> !ns.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
