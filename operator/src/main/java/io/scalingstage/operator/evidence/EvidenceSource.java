package io.scalingstage.operator.evidence;

import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.promotion.Evidence;

/**
 * Polls each ScalingStage's exit trigger on its own interval and wakes its reconcile when the evidence changes. The
 * reconcile reads the newest evidence from here, never asking the sources itself.
 */
public class EvidenceSource extends PerResourcePollingEventSource<Evidence, ScalingStage, String> {

    public static final String NAME = "evidence";

    private final EvidenceFetcher fetcher;

    public EvidenceSource(EventSourceContext<ScalingStage> context, EvidenceFetcher fetcher, int threads) {
        super(Evidence.class, context, new PerResourcePollingConfigurationBuilder<Evidence, ScalingStage, String>(
                fetcher, java.time.Duration.ofSeconds(30))
                .withName(NAME)
                .withExecutorService(new ScheduledThreadPoolExecutor(threads))
                // One piece of evidence per ScalingStage.
                .withResourceIDMapper(evidence -> NAME)
                .build());
        this.fetcher = fetcher;
    }

    /** The newest evidence, without asking a source when there is none yet. */
    public Optional<Evidence> latest(ScalingStage resource) {
        return getSecondaryResources(ResourceID.fromResource(resource)).stream().findFirst();
    }

    @Override
    public void onResourceDeleted(ScalingStage resource) {
        super.onResourceDeleted(resource);
        fetcher.forget(resource);
    }
}
