package io.scalingstage.operator.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scalingstage.operator.api.v1alpha1.PromotionDecision;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.promotion.Decision;

/**
 * Tells a ScalingStage's story as Events on it, so {@code kubectl describe} reads it: each recorded promotion decision,
 * and each transition of its status (a new stage, ready, rolling out, degraded, recovered). Best effort, as Events are:
 * a failure to create one is logged, never a failed reconcile.
 */
@ApplicationScoped
public class StageEvents {

    static final String COMPONENT = "scalingstage-operator";
    /** The API server refuses longer messages. */
    static final int MAX_MESSAGE = 1024;

    private static final Logger LOG = Logger.getLogger(StageEvents.class);

    private final KubernetesClient client;
    private final Clock clock;

    public StageEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void decision(ScalingStage resource, PromotionDecision decision) {
        tell(resource, Decision.HeldMissingData.name().equals(decision.getDecision()) ? "Warning" : "Normal",
                decision.getDecision(), decision.getMessage() + " Query: " + decision.getQuery());
    }

    public void transitions(ScalingStage resource, ScalingStageStatus next) {
        StatusTransitions.between(resource.getStatus(), next)
                .forEach(transition -> tell(resource, transition.type(), transition.reason(), transition.message()));
    }

    private void tell(ScalingStage resource, String type, String reason, String message) {
        Instant now = clock.instant();
        Event event = new EventBuilder()
                .withNewMetadata()
                    .withName(resource.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli())
                            + Integer.toHexString((reason + message).hashCode() & 0xfff))
                    .withNamespace(resource.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withName(resource.getMetadata().getName())
                    .withNamespace(resource.getMetadata().getNamespace())
                    .withUid(resource.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…")
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .withReportingInstance(COMPONENT)
                .withFirstTimestamp(now.truncatedTo(ChronoUnit.SECONDS).toString())
                .withLastTimestamp(now.truncatedTo(ChronoUnit.SECONDS).toString())
                .withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(resource.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not create the %s Event of ScalingStage %s/%s: %s", reason,
                    resource.getMetadata().getNamespace(), resource.getMetadata().getName(), e.getMessage());
        }
    }
}
