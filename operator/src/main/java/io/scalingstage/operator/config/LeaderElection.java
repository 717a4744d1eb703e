package io.scalingstage.operator.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Two or more replicas share one Lease, so only its holder reconciles; the others keep warm caches and take over when
 * the holder stops renewing it. The Quarkus Operator SDK reads this bean at start; a null one turns election off.
 * <p>
 * The Lease needs a namespace. In a pod it is the pod's own (the chart passes it; the service account's namespace file
 * says it otherwise). A process started by hand (the demo, {@code quarkus:dev}) has neither: rather than exit, as JOSDK
 * does when it cannot infer one, it runs alone unless a Lease namespace is configured.
 * <p>
 * A stopping leader hands the Lease over at once: JOSDK builds fabric8's elector without release-on-cancel, so the
 * standby would wait out the whole lease. After the controllers have stopped, this process marks its Lease free, as
 * client-go's ReleaseOnCancel does, and the standby takes it at its next try.
 * <p>
 * JOSDK's own exit on losing the Lease stays off: it calls System.exit from the shutdown hook when a leader stops, which
 * blocks until the kubelet kills the pod. A leader that loses its Lease while running exits here instead, so that its
 * restart rejoins the election and two processes never reconcile at once.
 */
@Singleton
public class LeaderElection {

    private static final Logger LOG = Logger.getLogger(LeaderElection.class);

    /** The Lease's name, one per installation (its namespace tells installations apart). */
    public static final String LEASE_NAME = "scalingstage-operator";
    /** Where the kubelet mounts the pod's namespace beside its service account token. */
    static final Path POD_NAMESPACE_FILE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
    static final Duration LEASE_DURATION = LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE;
    static final Duration RENEW_DEADLINE = LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE;
    /**
     * How often the leader renews and a standby tries: fabric8 waits 1 to 2.2 times this between tries, so a released
     * Lease is taken within 2.2 s. Half client-go's 2 s: one more small write a second, for a rolling upgrade that
     * pauses reconciling for about a second instead of about three.
     */
    static final Duration RETRY_PERIOD = Duration.ofSeconds(1);

    @ConfigProperty(name = "scalingstage.leader-election.enabled", defaultValue = "true")
    boolean enabled;

    /** Empty: the pod's namespace; outside a pod, no election. */
    @ConfigProperty(name = "scalingstage.leader-election.lease-namespace")
    Optional<String> leaseNamespace;

    /** Empty: the pod's name (HOSTNAME), which is unique among the replicas. */
    @ConfigProperty(name = "scalingstage.leader-election.identity")
    Optional<String> identity;

    private final KubernetesClient client;
    private Choice choice;
    private String holder;
    private volatile boolean shuttingDown;

    LeaderElection(KubernetesClient client) {
        this.client = client;
    }

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
    synchronized LeaderElectionConfiguration leaderElection() {
        if (choice == null) {
            choice = Choice.of(enabled, leaseNamespace.filter(ns -> !ns.isBlank()), podNamespace(POD_NAMESPACE_FILE));
            // Named here rather than left to JOSDK, so the shutdown knows whose Lease to release.
            holder = identity.filter(id -> !id.isBlank())
                    .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")).filter(id -> !id.isBlank()))
                    .orElseGet(() -> UUID.randomUUID().toString());
            LOG.info(choice.logLine() + choice.namespace().map(ns -> ", identity " + holder).orElse(""));
        }
        return choice.namespace().map(namespace -> new LeaderElectionConfiguration(LEASE_NAME, namespace, LEASE_DURATION,
                RENEW_DEADLINE, RETRY_PERIOD, holder, new LeaderCallbacks(() -> {
                }, this::stoppedLeading, leader -> {
                }), false)).orElse(null);
    }

    /** Before anything else stops: from now on, leadership ends because this process does. */
    void shuttingDown(@Observes @Priority(1) ShutdownEvent event) {
        shuttingDown = true;
    }

    private void stoppedLeading() {
        if (!shuttingDown) {
            LOG.errorf("Lost the Lease %s/%s while running; exiting, so that the restart rejoins the election",
                    choice.namespace().orElseThrow(), LEASE_NAME);
            Quarkus.asyncExit(1);
        }
    }

    /** After the Operator SDK has stopped the controllers (its observer runs at the default priority, 2500). */
    void release(@Observes @Priority(4000) ShutdownEvent event) {
        Optional<String> namespace = choice == null ? Optional.empty() : choice.namespace();
        if (namespace.isEmpty()) {
            return;
        }
        try {
            Lease lease = client.leases().inNamespace(namespace.get()).withName(LEASE_NAME).get();
            if (lease == null || !holder.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now().truncatedTo(ChronoUnit.MICROS);
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setAcquireTime(now);
            lease.getSpec().setRenewTime(now);
            // An update with the resourceVersion just read: a Lease a standby took meanwhile is left alone (409).
            client.leases().inNamespace(namespace.get()).resource(lease).update();
            LOG.infof("Released the Lease %s/%s for the next leader", namespace.get(), LEASE_NAME);
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not release the Lease %s/%s (the standby takes it when it expires): %s", namespace.get(),
                    LEASE_NAME, e.getMessage());
        }
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
