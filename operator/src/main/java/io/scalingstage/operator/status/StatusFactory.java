package io.scalingstage.operator.status;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.scalingstage.operator.api.v1alpha1.ComponentStatus;
import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.PlanStatus;
import io.scalingstage.operator.api.v1alpha1.PromotionSpec;
import io.scalingstage.operator.api.v1alpha1.PromotionStatus;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.Stage;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.promotion.Promotion;

/**
 * Computes a ScalingStage's status from its plan and what the operator observed. A condition keeps its
 * lastTransitionTime while its status stays the same, so an unchanged world gives an identical status and no write.
 */
@ApplicationScoped
public class StatusFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public StatusFactory(Clock clock) {
        this.clock = clock;
    }

    /**
     * The status after a reconcile that applied every component it could.
     *
     * @param observations the stage's children, in topology order
     * @param retained the data-bearing children the stage no longer has, kept because retention is Retain
     */
    public ScalingStageStatus reconciled(StagePlan plan, List<Observation> observations, List<Observation> retained,
            DatabaseProvider provider, Promotion promotion) {
        ScalingStage resource = plan.resource();
        List<Observation> waiting = observations.stream().filter(o -> !o.ready()).toList();
        List<Observation> failed = observations.stream().filter(o -> o.failure() != null).toList();
        List<Condition> conditions = new ArrayList<>();
        Condition progressing;
        Condition degraded;
        if (!provider.installed()) {
            String message = "CloudNativePG is not installed: the API server does not serve " + provider.apiVersion()
                    + " Cluster and Pooler. Install CloudNativePG 1.30 or later; the operator looks again every "
                    + provider.recheckSeconds() + "s.";
            conditions.add(condition(ConditionType.READY, false, "DatabaseProviderMissing", message));
            progressing = condition(ConditionType.PROGRESSING, false, "DatabaseProviderMissing",
                    "Stage " + plan.stage() + " cannot be reached without a database.");
            degraded = condition(ConditionType.DEGRADED, true, "DatabaseProviderMissing", message);
        } else {
            if (waiting.isEmpty()) {
                conditions.add(condition(ConditionType.READY, true, "AllComponentsReady",
                        "Stage " + plan.stage() + " is ready: " + observations.size() + " of " + observations.size()
                                + " objects are ready."));
                progressing = condition(ConditionType.PROGRESSING, false, "Converged",
                        "Every object of stage " + plan.stage() + " is applied and ready.");
            } else {
                conditions.add(condition(ConditionType.READY, false, "ComponentsNotReady", "Waiting for " + waiting.stream()
                        .map(o -> o.describe() + " (" + o.message() + ")").collect(Collectors.joining(", ")) + "."));
                progressing = condition(ConditionType.PROGRESSING, true, "RollingOut",
                        "Rolling out stage " + plan.stage() + ": " + (observations.size() - waiting.size()) + " of "
                                + observations.size() + " objects are ready.");
            }
            degraded = failed.isEmpty()
                    ? condition(ConditionType.DEGRADED, false, "ReconcileSucceeded", "The last reconcile applied every object.")
                    : condition(ConditionType.DEGRADED, true, "ChildFailed", failed.stream()
                            .map(o -> o.describe() + ": " + o.failure() + ": " + o.message()).collect(Collectors.joining("; ")));
        }
        conditions.add(progressing);
        conditions.add(degraded);
        conditions.addAll(kstatus(degraded, progressing));
        conditions.addAll(PromotionConditions.of(promotion, resource.getSpec()));
        conditions.add(premature(plan));
        conditions.add(retained(plan, retained));

        ScalingStageStatus status = promoted(carriedOver(resource), promotion);
        status.setObservedGeneration(resource.getMetadata().getGeneration());
        List<ComponentStatus> components = new ArrayList<>();
        observations.stream().map(StatusFactory::componentStatus).forEach(components::add);
        retained.stream().map(StatusFactory::componentStatus).forEach(components::add);
        status.setComponents(components);
        status.setPlan(planStatus(plan, promotion));
        status.setConditions(merge(resource, conditions));
        return status;
    }

    /**
     * The status after a reconcile that failed: the conditions say why, the promotion decided before the failure is
     * kept, the rest stays as it was. The failure is this generation's outcome, so observedGeneration moves to it:
     * kstatus reads Stalled only on a status that has observed the latest generation.
     *
     * @param needsPerson whether retrying cannot help (Stalled), or the failure may pass and the operator retries
     *     (Reconciling), so Flux does not give up on an API server that hiccupped
     */
    public ScalingStageStatus failed(ScalingStage resource, String why, boolean needsPerson, Optional<Promotion> promotion) {
        String message = "Reconcile failed: " + why;
        ScalingStageStatus status = promotion.map(p -> promoted(carriedOver(resource), p)).orElseGet(() -> carriedOver(resource));
        status.setObservedGeneration(resource.getMetadata().getGeneration());
        List<Condition> conditions = new ArrayList<>();
        conditions.add(condition(ConditionType.READY, false, "ReconcileFailed", message));
        Condition degraded = condition(ConditionType.DEGRADED, true, "ReconcileFailed", message);
        conditions.add(degraded);
        conditions.addAll(needsPerson ? stalled(degraded) : List.of(
                condition(ConditionType.RECONCILING, true, "Retrying", "Retrying after a failure that may pass: " + why),
                condition(ConditionType.STALLED, false, "Retrying", "The operator retries with a growing delay.")));
        status.setConditions(merge(resource, conditions));
        return status;
    }

    /** Whether writing {@code next} would change anything. */
    public static boolean same(ScalingStageStatus current, ScalingStageStatus next) {
        return current != null && JSON.valueToTree(current).equals(JSON.valueToTree(next));
    }

    /**
     * kstatus's own pair (sigs.k8s.io/cli-utils, which Flux waits with), named after Degraded and Progressing so they
     * cannot disagree with them. Without it kstatus falls back on Ready, which cannot tell a rollout from a stage
     * that is stuck: a stuck one would read InProgress until Flux's timeout rather than Failed at once.
     */
    private static List<Condition> kstatus(Condition degraded, Condition progressing) {
        return "True".equals(degraded.getStatus()) ? stalled(degraded)
                : List.of(renamed(ConditionType.RECONCILING, progressing), renamed(ConditionType.STALLED, degraded));
    }

    /** The operator cannot take the stage further by itself: Stalled says why, and nothing is reconciling. */
    private static List<Condition> stalled(Condition degraded) {
        return List.of(condition(ConditionType.RECONCILING, false, degraded.getReason(),
                "Nothing moves until the cause in Stalled is fixed."), renamed(ConditionType.STALLED, degraded));
    }

    private static Condition renamed(String type, Condition source) {
        return condition(type, source.getStatus(), source.getReason(), source.getMessage());
    }

    private static Condition premature(StagePlan plan) {
        List<String> warnings = new ArrayList<>();
        plan.premature().forEach(c -> warnings.add(c.displayName() + " is enabled at stage " + plan.stage().number()
                + " but earned at stage " + c.earnedAt() + ". " + c.earnedAt().overEngineering()));
        if (plan.hasTooManyReadReplicas()) {
            warnings.add(plan.resource().getSpec().getDatabase().getReadReplicas() + " read replicas: 1 to "
                    + StagePlan.READ_REPLICAS_EARNED + " is the stage's own measure. " + Stage.READ_REPLICAS.overEngineering());
        }
        if (warnings.isEmpty()) {
            return condition(ConditionType.PREMATURE_SCALING, false, "StageEarned",
                    "Every component exists because stage " + plan.stage() + " earned it.");
        }
        return condition(ConditionType.PREMATURE_SCALING, true, plan.premature().isEmpty() ? "TooManyReadReplicas"
                : "ComponentEnabledEarly", String.join(" ", warnings));
    }

    private static Condition retained(StagePlan plan, List<Observation> retained) {
        if (retained.isEmpty()) {
            return condition(ConditionType.RETAINED_COMPONENTS, false, "NothingRetained",
                    "Nothing is kept beyond what stage " + plan.stage() + " uses.");
        }
        return condition(ConditionType.RETAINED_COMPONENTS, true, "DataRetained",
                "Kept because they hold data and spec.retention is Retain: " + retained.stream()
                        .map(o -> o.message() == null ? o.describe() : o.describe() + " (" + o.message() + ")")
                        .collect(Collectors.joining(", "))
                        + ". To delete them on purpose, set spec.retention: Delete.");
    }

    /** The stage, the recommendation and the promotion state the policy decided. */
    private static ScalingStageStatus promoted(ScalingStageStatus status, Promotion promotion) {
        status.setStage(promotion.stage().number());
        status.setRecommendedStage(promotion.recommendedStage().orElse(null));
        PromotionStatus state = new PromotionStatus();
        state.setPromotedStage(promotion.promotedStage().orElse(null));
        state.setSpecStage(promotion.specStage().orElse(null));
        state.setLastTransitionTime(promotion.lastTransition().truncatedTo(ChronoUnit.SECONDS).toString());
        state.setHistory(promotion.history());
        status.setPromotion(state);
        return status;
    }

    private static PlanStatus planStatus(StagePlan plan, Promotion promotion) {
        PlanStatus status = new PlanStatus();
        plan.next().ifPresent(next -> {
            status.setNextStage(next.number());
            status.setAdds(plan.nextAdds().stream().map(Component::displayName).toList());
        });
        PromotionSpec spec = plan.resource().getSpec().getPromotion();
        promotion.trigger().ifPresent(trigger -> {
            status.setTrigger(trigger.description());
            status.setQuery(trigger.source(spec));
            status.setThreshold(trigger.threshold());
            status.setWindow(Durations.format(trigger.window()));
        });
        status.setState(promotion.state().name());
        status.setSince(promotion.since().truncatedTo(ChronoUnit.SECONDS).toString());
        status.setLastValue(promotion.lastValue());
        return status;
    }

    private static ComponentStatus componentStatus(Observation observation) {
        ComponentStatus status = new ComponentStatus();
        status.setComponent(observation.component());
        status.setKind(observation.kind());
        status.setName(observation.name());
        status.setReady(observation.ready());
        status.setMessage(observation.message());
        return status;
    }

    /** A copy of the current status, so fields this reconcile does not compute survive it. */
    private static ScalingStageStatus carriedOver(ScalingStage resource) {
        return resource.getStatus() == null ? new ScalingStageStatus()
                : JSON.convertValue(resource.getStatus(), ScalingStageStatus.class);
    }

    /** New conditions replace those of the same type; an unchanged status keeps its lastTransitionTime. */
    private List<Condition> merge(ScalingStage resource, List<Condition> updates) {
        List<Condition> current = Optional.ofNullable(resource.getStatus()).map(ScalingStageStatus::getConditions)
                .orElse(List.of());
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> merged = new ArrayList<>();
        for (Condition update : updates) {
            update.setObservedGeneration(resource.getMetadata().getGeneration());
            update.setLastTransitionTime(current.stream()
                    .filter(c -> c.getType().equals(update.getType()) && c.getStatus().equals(update.getStatus()))
                    .map(Condition::getLastTransitionTime)
                    .findFirst()
                    .orElse(now));
            merged.add(update);
        }
        current.stream()
                .filter(c -> updates.stream().noneMatch(u -> u.getType().equals(c.getType())))
                .forEach(merged::add);
        merged.sort(Comparator.comparingInt((Condition c) -> ConditionType.position(c.getType()))
                .thenComparing(Condition::getType));
        return merged;
    }

    private static Condition condition(String type, boolean status, String reason, String message) {
        return condition(type, status ? "True" : "False", reason, message);
    }

    public static Condition condition(String type, String status, String reason, String message) {
        Condition condition = new Condition();
        condition.setType(type);
        condition.setStatus(status);
        condition.setReason(reason);
        condition.setMessage(message);
        return condition;
    }
}
