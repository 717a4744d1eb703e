package io.scalingstage.operator.config;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

/**
 * Two or more replicas share one Lease, so only its holder reconciles; the others keep warm caches and take over when
 * the holder stops renewing it. The Quarkus Operator SDK reads this bean at start; a null one turns election off, for
 * a single process run by hand.
 */
public class LeaderElection {

    /** The Lease's name, one per installation (its namespace tells installations apart). */
    public static final String LEASE_NAME = "scalingstage-operator";

    @ConfigProperty(name = "scalingstage.leader-election.enabled", defaultValue = "true")
    boolean enabled;

    /** Empty: the namespace the client runs in (the pod's own, read from its service account). */
    @ConfigProperty(name = "scalingstage.leader-election.lease-namespace")
    Optional<String> leaseNamespace;

    /** Empty: the pod's name (HOSTNAME), which is unique among the replicas. */
    @ConfigProperty(name = "scalingstage.leader-election.identity")
    Optional<String> identity;

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection() {
        if (!enabled) {
            return null;
        }
        return new LeaderElectionConfiguration(LEASE_NAME, leaseNamespace.orElse(null),
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, identity.orElse(null), null, true);
    }
}
