package io.scalingstage.operator.reconciler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.ContextInitializer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import io.quarkus.runtime.ShutdownEvent;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.cnpg.Pooler;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.desired.Labels;
import io.scalingstage.operator.desired.Names;
import io.scalingstage.operator.desired.Passwords;
import io.scalingstage.operator.desired.Topology;
import io.scalingstage.operator.evidence.EvidenceFetcher;
import io.scalingstage.operator.evidence.EvidenceSource;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.promotion.Promotion;
import io.scalingstage.operator.promotion.PromotionPolicy;
import io.scalingstage.operator.status.DatabaseProvider;
import io.scalingstage.operator.status.Observation;
import io.scalingstage.operator.status.Readiness;
import io.scalingstage.operator.status.StatusFactory;
import io.scalingstage.operator.telemetry.StageEvents;
import io.scalingstage.operator.telemetry.PromotionGauges;

/**
 * Reconciles a ScalingStage into the topology of its effective stage. The workflow applies the children, one
 * dependent per kind; this class only decides the promotion and the plan before it and the status after it. The
 * evidence comes from {@link EvidenceSource}, which evaluates the triggers off the reconcile threads.
 */
@ControllerConfiguration(name = ScalingStageReconciler.NAME, fieldManager = ScalingStageReconciler.FIELD_MANAGER)
@Workflow(dependents = {
        @Dependent(name = "secrets", type = SecretChildren.class),
        @Dependent(name = "configmaps", type = ConfigMapChildren.class),
        @Dependent(name = "persistentvolumeclaims", type = PersistentVolumeClaimChildren.class),
        @Dependent(name = "services", type = ServiceChildren.class),
        @Dependent(name = "deployments", type = DeploymentChildren.class,
                dependsOn = { "secrets", "configmaps", "persistentvolumeclaims", "services" }),
        @Dependent(name = "statefulsets", type = StatefulSetChildren.class, dependsOn = { "secrets", "services" }),
        @Dependent(name = "horizontalpodautoscalers", type = HorizontalPodAutoscalerChildren.class, dependsOn = "deployments"),
        @Dependent(name = "poddisruptionbudgets", type = PodDisruptionBudgetChildren.class),
        @Dependent(name = "ingresses", type = IngressChildren.class, dependsOn = "services"),
        @Dependent(name = "networkpolicies", type = NetworkPolicyChildren.class),
        @Dependent(name = "database", type = DatabaseClusterDependent.class, activationCondition = DatabaseProviderInstalled.class),
        // No dependsOn "database": JOSDK 5.3.2 would then start the Pooler informer while CloudNativePG is missing.
        @Dependent(name = "poolers", type = PoolerChildren.class, activationCondition = DatabaseProviderInstalled.class),
})
public class ScalingStageReconciler
        implements Reconciler<ScalingStage>, ContextInitializer<ScalingStage>, ConfigurableReconciler<ScalingStage> {

    public static final String NAME = "scalingstage";
    /** The one field manager of every server-side apply the operator makes. */
    public static final String FIELD_MANAGER = "scalingstage-operator";
    /** The kinds the workflow applies, but CloudNativePG's. */
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(Deployment.class, StatefulSet.class,
            Service.class, ConfigMap.class, Secret.class, PersistentVolumeClaim.class, HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class, Ingress.class, NetworkPolicy.class);

    private final CloudNativePg cloudNativePg;
    private final StatusFactory statusFactory;
    private final EvidenceFetcher evidenceFetcher;
    private final StageEvents events;
    private final PromotionGauges gauges;
    private final Clock clock;
    private final int evaluationThreads;
    private volatile EvidenceSource evidence;
    private volatile boolean stopping;

    public ScalingStageReconciler(CloudNativePg cloudNativePg, StatusFactory statusFactory, EvidenceFetcher evidenceFetcher,
            StageEvents events, PromotionGauges gauges, Clock clock,
            @ConfigProperty(name = "scalingstage.promotion.evaluation-threads", defaultValue = "8") int evaluationThreads) {
        this.cloudNativePg = cloudNativePg;
        this.statusFactory = statusFactory;
        this.evidenceFetcher = evidenceFetcher;
        this.events = events;
        this.gauges = gauges;
        this.clock = clock;
        this.evaluationThreads = evaluationThreads;
    }

    @Override
    public List<EventSource<?, ScalingStage>> prepareEventSources(EventSourceContext<ScalingStage> context) {
        evidence = new EvidenceSource(context, evidenceFetcher, evaluationThreads);
        return List.of(evidence);
    }

    /**
     * Nothing to change. Being configurable makes QOSDK 7.7.3 register this controller with the customized
     * configuration service, the only way the metrics of {@code OperatorMetrics} reach JOSDK.
     */
    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<ScalingStage> configOverrider) {
    }

    @Override
    public void initContext(ScalingStage primary, Context<ScalingStage> context) {
        // Promotion first: a promoted stage is built by this same reconcile, since a status change starts none.
        Promotion promotion = PromotionPolicy.decide(primary, evidence.latest(primary), clock.instant());
        StagePlan plan = StagePlan.of(primary, promotion.stage());
        new ReconcileState(plan, Topology.of(plan, Passwords.RANDOM), cloudNativePg.installed(), promotion).storeIn(context);
    }

    @Override
    public UpdateControl<ScalingStage> reconcile(ScalingStage primary, Context<ScalingStage> context) {
        ReconcileState state = ReconcileState.of(context);
        LiveChildren live = LiveChildren.of(context, state.databaseProviderInstalled());
        ScalingStageStatus status = statusFactory.reconciled(state.plan(), observe(state, live), retained(state, live),
                databaseProvider(state), state.promotion());
        state.promotion().recorded().ifPresent(decision -> events.decision(primary, decision));
        events.transitions(primary, status);
        gauges.stage(ResourceID.fromResource(primary), status.getStage(), status.getRecommendedStage());
        UpdateControl<ScalingStage> control = StatusFactory.same(primary.getStatus(), status)
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(statusPatch(primary, status));
        // A missing CloudNativePG sends no event when it arrives; look again on a timer.
        return state.databaseProviderInstalled() ? control : control.rescheduleAfter(cloudNativePg.recheckInterval());
    }

    /** Runs before the Operator SDK stops its executors (a lower priority is notified first). */
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public ErrorStatusUpdateControl<ScalingStage> updateErrorStatus(ScalingStage primary, Context<ScalingStage> context,
            Exception e) {
        if (stopping) {
            // A reconcile cut short by this process's own shutdown (its executors refuse work) is no failure of the
            // ScalingStage: writing one would mark it Degraded until the next operator rewrites the status.
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        Optional<Promotion> promotion = ReconcileState.find(context).map(ReconcileState::promotion);
        promotion.flatMap(Promotion::recorded).ifPresent(decision -> events.decision(primary, decision));
        ScalingStageStatus status = statusFactory.failed(primary, Failures.describe(e), Failures.needsPerson(e), promotion);
        events.transitions(primary, status);
        return StatusFactory.same(primary.getStatus(), status)
                ? ErrorStatusUpdateControl.noStatusUpdate()
                : ErrorStatusUpdateControl.patchStatus(statusPatch(primary, status));
    }

    /** The stage's children, each paired with its live copy, the database first. */
    private static List<Observation> observe(ReconcileState state, LiveChildren live) {
        List<Observation> observations = new ArrayList<>();
        if (state.databaseProviderInstalled()) {
            String database = Names.database(state.plan());
            observations.add(Readiness.of(Component.DATABASE.displayName(), "Cluster", database, live.get("Cluster", database)));
        }
        state.topology().stream()
                .filter(child -> state.databaseProviderInstalled() || !(child instanceof Pooler))
                .forEach(child -> observations.add(Readiness.of(child.getMetadata().getLabels().get(Labels.COMPONENT),
                        child.getKind(), child.getMetadata().getName(), live.get(child.getKind(), child.getMetadata().getName()))));
        return observations;
    }

    /** Data the stage no longer uses and retention keeps: leftover data-bearing objects, and read replicas. */
    private static List<Observation> retained(ReconcileState state, LiveChildren live) {
        Set<String> wanted = state.topology().stream().map(LiveChildren::key).collect(Collectors.toSet());
        List<Observation> retained = live.all().stream()
                .filter(object -> Labels.holdsData(object) && !wanted.contains(LiveChildren.key(object)))
                .filter(object -> !(object instanceof Cluster))
                .sorted(Comparator.comparing((HasMetadata object) -> object.getKind())
                        .thenComparing(object -> object.getMetadata().getName()))
                .map(object -> Observation.ready(object.getMetadata().getLabels().get(Labels.COMPONENT), object.getKind(),
                        object.getMetadata().getName()))
                .collect(Collectors.toCollection(ArrayList::new));
        StagePlan plan = state.plan();
        int instancesUsed = plan.has(Component.READ_REPLICAS) ? 1 + plan.resource().getSpec().getDatabase().getReadReplicas() : 1;
        live.get("Cluster", Names.database(plan)).map(Cluster.class::cast)
                .filter(cluster -> cluster.getSpec().getInstances() > instancesUsed)
                .ifPresent(cluster -> retained.add(new Observation(Component.READ_REPLICAS.displayName(), "Cluster",
                        cluster.getMetadata().getName(), true, cluster.getSpec().getInstances() + " instances kept; stage "
                                + plan.stage().number() + " uses " + instancesUsed, null)));
        return retained;
    }

    private DatabaseProvider databaseProvider(ReconcileState state) {
        return new DatabaseProvider(state.databaseProviderInstalled(), CloudNativePg.API_VERSION,
                cloudNativePg.recheckInterval().toSeconds());
    }

    /** Only identity and status: the operator must never appear as a manager of any spec field. */
    private static ScalingStage statusPatch(ScalingStage primary, ScalingStageStatus status) {
        ScalingStage patch = new ScalingStage();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(primary.getMetadata().getName())
                .withNamespace(primary.getMetadata().getNamespace())
                .build());
        patch.setSpec(null);
        patch.setStatus(status);
        return patch;
    }

    /**
     * The ScalingStage's children as the informers hold them, by kind and name: the status reads only caches, never
     * the API server.
     */
    private record LiveChildren(Map<String, HasMetadata> byKey) {

        static LiveChildren of(Context<ScalingStage> context, boolean databaseProviderInstalled) {
            List<Class<? extends HasMetadata>> kinds = new ArrayList<>(KINDS);
            if (databaseProviderInstalled) {
                kinds.add(Cluster.class);
                kinds.add(Pooler.class);
            }
            Map<String, HasMetadata> byKey = new HashMap<>();
            for (Class<? extends HasMetadata> kind : kinds) {
                context.getSecondaryResources(kind).forEach(object -> byKey.put(key(object), object));
            }
            return new LiveChildren(byKey);
        }

        Optional<HasMetadata> get(String kind, String name) {
            return Optional.ofNullable(byKey.get(kind + "/" + name));
        }

        List<HasMetadata> all() {
            return List.copyOf(byKey.values());
        }

        static String key(HasMetadata object) {
            return object.getKind() + "/" + object.getMetadata().getName();
        }
    }
}
