package io.scalingstage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalingstage.testing.GitOpsHealth.Verdict;

/**
 * The states of a ScalingStage a GitOps tool must tell apart, each with what Argo CD (through
 * samples/gitops/argocd/health.lua) and Flux (through kstatus) must make of it. GitOpsE2E drives a real cluster into
 * each and checks the object the API server returns; GitOpsIT checks the copies kept under
 * src/test/resources/gitops/captures.
 */
public enum GitOpsCase {

    /** Just created: the operator has not written a status yet. kstatus reads an object without status as Current. */
    CREATED("created", "Progressing", "Waiting for the operator's first status", "Current", "Resource is current"),
    /** The first status: children created, none ready yet. */
    CONVERGING("converging", "Progressing", "Rolling out stage 1", "InProgress", "Rolling out stage 1"),
    /** Every child ready. */
    CONVERGED("converged", "Healthy", "is ready", "Current", "Resource is Ready"),
    /** spec changed, as the API server answers the patch: the operator has not seen generation 2 yet. */
    NEW_GENERATION("new-generation", "Progressing", "observe generation 2", "InProgress",
            "generation is 2, but latest observed generation is 1"),
    /** CloudNativePG is not installed: no database can be made until someone installs it. */
    DATABASE_PROVIDER_MISSING("degraded-database-provider-missing", "Degraded", "CloudNativePG is not installed", "Failed",
            "CloudNativePG is not installed"),
    /** A ResourceQuota refuses the app's Deployment: the API server rejects a child. */
    CHILD_REFUSED("degraded-child-refused", "Degraded", "exceeded quota", "Failed", "exceeded quota"),
    /** Recommend mode, ready, its trigger fired: stage 2 is recommended and waits for someone to commit it. */
    RECOMMENDED("suspended-recommendation", "Suspended", "Stage 2 (SplitTiers) is recommended", "Current",
            "Resource is Ready"),
    /** Manual mode, ready, its trigger firing: only the plan says so, and only a person moves the stage. */
    MANUAL_TRIGGER_FIRING("suspended-manual-trigger-firing", "Suspended", "Mode is Manual", "Current", "Resource is Ready");

    private final String file;
    private final String argoCdStatus;
    private final String argoCdMessage;
    private final String kstatusStatus;
    private final String kstatusMessage;

    GitOpsCase(String name, String argoCdStatus, String argoCdMessage, String kstatusStatus, String kstatusMessage) {
        this.file = name + ".json";
        this.argoCdStatus = argoCdStatus;
        this.argoCdMessage = argoCdMessage;
        this.kstatusStatus = kstatusStatus;
        this.kstatusMessage = kstatusMessage;
    }

    /** The file a capture of this state is kept in. */
    public String file() {
        return file;
    }

    /** Asserts what Argo CD's health check and kstatus make of the object in {@code json}. */
    public void check(String json) {
        Verdict argoCd = GitOpsHealth.argoCd(json);
        assertThat(argoCd.status()).as("Argo CD health of %s: %s", this, argoCd).isEqualTo(argoCdStatus);
        assertThat(argoCd.message()).as("Argo CD message of %s", this).contains(argoCdMessage);
        Verdict kstatus = GitOpsHealth.kstatus(json);
        assertThat(kstatus.status()).as("kstatus of %s: %s", this, kstatus).isEqualTo(kstatusStatus);
        assertThat(kstatus.message()).as("kstatus message of %s", this).contains(kstatusMessage);
    }
}
