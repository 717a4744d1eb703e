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
import io.scalingstage.operator.promotion.Decision;

/**
 * Tells each recorded promotion decision as an Event on its ScalingStage, so {@code kubectl describe} reads the story.
 * Best effort, as Events are: a failure to create one is logged, never a failed reconcile.
 */
@ApplicationScoped
public class DecisionEvents {

    static final String COMPONENT = "scalingstage-operator";
    /** The API server refuses longer messages. */
    static final int MAX_MESSAGE = 1024;

    private static final Logger LOG = Logger.getLogger(DecisionEvents.class);

    private final KubernetesClient client;
    private final Clock clock;

    public DecisionEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void tell(ScalingStage resource, PromotionDecision decision) {
        Instant now = clock.instant();
        String message = decision.getMessage() + " Query: " + decision.getQuery();
        Event event = new EventBuilder()
                .withNewMetadata()
                    .withName(resource.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli())
                            + Integer.toHexString(decision.hashCode() & 0xfff))
                    .withNamespace(resource.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                    .withApiVersion(resource.getApiVersion())
                    .withKind(resource.getKind())
                    .withName(resource.getMetadata().getName())
                    .withNamespace(resource.getMetadata().getNamespace())
                    .withUid(resource.getMetadata().getUid())
                .endInvolvedObject()
                .withType(Decision.HeldMissingData.name().equals(decision.getDecision()) ? "Warning" : "Normal")
                .withReason(decision.getDecision())
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
            LOG.warnf("Could not create the %s Event of ScalingStage %s/%s: %s", decision.getDecision(),
                    resource.getMetadata().getNamespace(), resource.getMetadata().getName(), e.getMessage());
        }
    }
}
