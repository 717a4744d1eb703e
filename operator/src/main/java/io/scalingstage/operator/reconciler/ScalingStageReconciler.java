package io.scalingstage.operator.reconciler;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ContextInitializer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import io.scalingstage.operator.api.cnpg.Cluster;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.desired.Names;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.status.DatabaseProvider;
import io.scalingstage.operator.status.Observation;
import io.scalingstage.operator.status.Readiness;
import io.scalingstage.operator.status.StatusFactory;

/**
 * Reconciles a ScalingStage into the topology of its effective stage. The workflow applies the children; this
 * class only computes the plan before it and the status after it.
 */
@ControllerConfiguration(name = ScalingStageReconciler.NAME, fieldManager = ScalingStageReconciler.FIELD_MANAGER)
@Workflow(dependents = {
        @Dependent(name = ScalingStageReconciler.APP_DEPLOYMENT, type = AppDeploymentDependent.class),
        @Dependent(name = ScalingStageReconciler.APP_SERVICE, type = AppServiceDependent.class),
        @Dependent(name = ScalingStageReconciler.DATABASE, type = DatabaseClusterDependent.class,
                activationCondition = DatabaseProviderInstalled.class),
})
public class ScalingStageReconciler
        implements Reconciler<ScalingStage>, ContextInitializer<ScalingStage>, ConfigurableReconciler<ScalingStage> {

    public static final String NAME = "scalingstage";
    /** The one field manager of every server-side apply the operator makes. */
    public static final String FIELD_MANAGER = "scalingstage-operator";
    static final String APP_DEPLOYMENT = "app-deployment";
    static final String APP_SERVICE = "app-service";
    static final String DATABASE = "database";

    private final CloudNativePg cloudNativePg;
    private final StatusFactory statusFactory;

    public ScalingStageReconciler(CloudNativePg cloudNativePg, StatusFactory statusFactory) {
        this.cloudNativePg = cloudNativePg;
        this.statusFactory = statusFactory;
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
        new ReconcileState(StagePlan.of(primary), cloudNativePg.installed()).storeIn(context);
    }

    @Override
    public UpdateControl<ScalingStage> reconcile(ScalingStage primary, Context<ScalingStage> context) {
        ReconcileState state = ReconcileState.of(context);
        ScalingStageStatus status = statusFactory.reconciled(state.plan(), observe(state, context), databaseProvider(state));
        UpdateControl<ScalingStage> control = StatusFactory.same(primary.getStatus(), status)
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(statusPatch(primary, status));
        // A missing CloudNativePG sends no event when it arrives; look again on a timer.
        return state.databaseProviderInstalled() ? control : control.rescheduleAfter(cloudNativePg.recheckInterval());
    }

    @Override
    public ErrorStatusUpdateControl<ScalingStage> updateErrorStatus(ScalingStage primary, Context<ScalingStage> context,
            Exception e) {
        ScalingStageStatus status = statusFactory.failed(primary, e);
        return StatusFactory.same(primary.getStatus(), status)
                ? ErrorStatusUpdateControl.noStatusUpdate()
                : ErrorStatusUpdateControl.patchStatus(statusPatch(primary, status));
    }

    private static List<Observation> observe(ReconcileState state, Context<ScalingStage> context) {
        StagePlan plan = state.plan();
        List<Observation> observations = new ArrayList<>();
        observations.add(Readiness.deployment(Component.APP, Names.app(plan),
                context.getSecondaryResource(Deployment.class, APP_DEPLOYMENT)));
        observations.add(Readiness.existence(Component.APP, "Service", Names.app(plan),
                context.getSecondaryResource(Service.class, APP_SERVICE)));
        if (state.databaseProviderInstalled()) {
            observations.add(Readiness.cluster(Component.DATABASE, Names.database(plan),
                    context.getSecondaryResource(Cluster.class, DATABASE)));
        }
        return observations;
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
}
