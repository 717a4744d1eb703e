package io.scalingstage.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scalingstage.operator.config.LeaderElection.Choice;

class LeaderElectionTest {

    @Test
    void aProcessOutsideAPodWithoutALeaseNamespaceRunsAloneAndSaysHowToShareALease() {
        Choice choice = Choice.of(true, Optional.empty(), Optional.empty());

        assertThat(choice.namespace()).isEmpty();
        assertThat(choice.logLine()).startsWith("Leader election off, this process reconciles alone")
                .contains("not running in a pod", "SCALINGSTAGE_LEADER_ELECTION_LEASE_NAMESPACE");
    }

    @Test
    void aConfiguredLeaseNamespaceWinsOverThePodsOwn() {
        Choice choice = Choice.of(true, Optional.of("ops"), Optional.of("scalingstage-system"));

        assertThat(choice.namespace()).contains("ops");
        assertThat(choice.logLine()).isEqualTo("Leader election on: Lease ops/scalingstage-operator"
                + " (scalingstage.leader-election.lease-namespace is ops)");
    }

    @Test
    void aPodWithoutConfigurationUsesItsOwnNamespace() {
        assertThat(Choice.of(true, Optional.empty(), Optional.of("scalingstage-system")).namespace())
                .contains("scalingstage-system");
    }

    @Test
    void turnedOffItStaysOffWhereverItRuns() {
        Choice choice = Choice.of(false, Optional.of("ops"), Optional.of("scalingstage-system"));

        assertThat(choice.namespace()).isEmpty();
        assertThat(choice.logLine()).contains("scalingstage.leader-election.enabled is false");
    }

    @Test
    void thePodsNamespaceIsReadFromTheServiceAccountFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("namespace");
        assertThat(LeaderElection.podNamespace(file)).isEmpty();

        Files.writeString(file, "scalingstage-system\n");
        assertThat(LeaderElection.podNamespace(file)).contains("scalingstage-system");

        Files.writeString(file, "");
        assertThat(LeaderElection.podNamespace(file)).isEmpty();
    }
}
