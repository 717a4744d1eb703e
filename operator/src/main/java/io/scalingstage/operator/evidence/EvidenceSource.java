package io.scalingstage.operator.evidence;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.promotion.Evidence;
import io.scalingstage.operator.promotion.Trigger;
import io.scalingstage.operator.promotion.Triggers;

/**
 * Polls each ScalingStage's exit trigger on its own interval and wakes its reconcile when the evidence changes. The
 * reconcile reads the newest evidence from here, never asking the sources itself.
 */
public class EvidenceSource extends PerResourcePollingEventSource<Evidence, ScalingStage, String> {

    public static final String NAME = "evidence";

    private final EvidenceFetcher fetcher;
    private final ExecutorService executor;
    private final Set<ResourceID> evaluating = ConcurrentHashMap.newKeySet();

    public EvidenceSource(EventSourceContext<ScalingStage> context, EvidenceFetcher fetcher, int threads) {
        this(context, fetcher, new ScheduledThreadPoolExecutor(threads));
    }

    private EvidenceSource(EventSourceContext<ScalingStage> context, EvidenceFetcher fetcher,
            ScheduledThreadPoolExecutor executor) {
        super(Evidence.class, context, new PerResourcePollingConfigurationBuilder<Evidence, ScalingStage, String>(
                fetcher, Duration.ofSeconds(30))
                .withName(NAME)
                .withExecutorService(executor)
                // One piece of evidence per ScalingStage.
                .withResourceIDMapper(evidence -> NAME)
                .build());
        this.fetcher = fetcher;
        this.executor = executor;
    }

    /**
     * A new stage (or new promotion settings) brings a new trigger: it is evaluated now rather than an interval
     * later, so its first decision lands while the change converges instead of into a quiet stage. A new interval
     * restarts the polling.
     */
    @Override
    public void onResourceUpdated(ScalingStage newResource, ScalingStage oldResource) {
        if (!newResource.getSpec().getPromotion().getInterval().equals(oldResource.getSpec().getPromotion().getInterval())) {
            // The next poll was scheduled on the old interval: start over, evaluating at once.
            synchronized (this) {
                evaluating.remove(ResourceID.fromResource(newResource));
                super.onResourceDeleted(oldResource);
                super.onResourceCreated(newResource);
            }
            return;
        }
        super.onResourceUpdated(newResource, oldResource);
        Optional<Trigger> current = Triggers.exitOf(newResource, StagePlan.effectiveStage(newResource));
        ResourceID id = ResourceID.fromResource(newResource);
        if (current.isEmpty() || latest(newResource).filter(evidence -> evidence.answers(current.get())).isPresent()
                || !evaluating.add(id)) {
            return;
        }
        executor.execute(() -> {
            Set<Evidence> fresh = Set.of();
            try {
                fresh = fetcher.fetchResources(newResource);
            } finally {
                // Not for a ScalingStage deleted meanwhile: its cache entry would never be dropped.
                synchronized (this) {
                    if (evaluating.remove(id) && !fresh.isEmpty()) {
                        handleResources(id, fresh);
                    }
                }
            }
        });
    }

    /** The newest evidence, without asking a source when there is none yet. */
    public Optional<Evidence> latest(ScalingStage resource) {
        return getSecondaryResources(ResourceID.fromResource(resource)).stream().findFirst();
    }

    @Override
    public void onResourceDeleted(ScalingStage resource) {
        synchronized (this) {
            evaluating.remove(ResourceID.fromResource(resource));
            super.onResourceDeleted(resource);
        }
        fetcher.forget(resource);
    }
}
