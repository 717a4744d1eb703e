package io.scalingstage.operator.plan;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.scalingstage.operator.api.v1alpha1.ComponentMode;
import io.scalingstage.operator.api.v1alpha1.PromotionStatus;
import io.scalingstage.operator.api.v1alpha1.Retention;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageSpec;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;

/**
 * Which components exist for one ScalingStage, computed once per reconcile from its spec and its promotion status.
 * Pure: the same resource always gives the same plan.
 *
 * @param resource the ScalingStage the plan is for
 * @param stage the effective stage: max(spec.stage, status.promotion.promotedStage), capped by spec.maxStage
 * @param components the components that exist at that stage, after overrides
 * @param premature the components forced on before their stage earns them
 */
public record StagePlan(ScalingStage resource, Stage stage, Set<Component> components, Set<Component> premature) {

    /** The read replicas stage 6 earns; more is "six replicas when two would do". */
    public static final int READ_REPLICAS_EARNED = 3;

    public StagePlan {
        components = Collections.unmodifiableSet(EnumSet.copyOf(components));
        premature = premature.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(premature));
    }

    /** The plan of the resource's effective stage as its status stands. */
    public static StagePlan of(ScalingStage resource) {
        return of(resource, effectiveStage(resource));
    }

    /** The plan of the given stage, which promotion may just have raised above what the status says. */
    public static StagePlan of(ScalingStage resource, Stage stage) {
        ScalingStageSpec spec = resource.getSpec();
        Set<Component> components = EnumSet.noneOf(Component.class);
        Set<Component> premature = EnumSet.noneOf(Component.class);
        for (Component component : Component.values()) {
            ComponentMode mode = component.mode(spec.getComponents());
            boolean earned = stage.isAtLeast(component.earnedAt());
            if (mode == ComponentMode.Enabled || (mode == ComponentMode.Auto && earned)) {
                components.add(component);
                if (!earned) {
                    premature.add(component);
                }
            }
        }
        return new StagePlan(resource, stage, components, premature);
    }

    /** max(spec.stage, the promoted stage that still applies), capped by spec.maxStage. */
    public static Stage effectiveStage(ScalingStage resource) {
        return effectiveStage(resource.getSpec(), promotedStage(resource));
    }

    public static Stage effectiveStage(ScalingStageSpec spec, Optional<Integer> promotedStage) {
        int stage = Math.max(spec.getStage(), promotedStage.orElse(spec.getStage()));
        int max = spec.getMaxStage() == null ? Stage.LAST.number() : spec.getMaxStage();
        return Stage.of(Math.min(stage, max));
    }

    /**
     * status.promotion.promotedStage, while it still applies: a promotion made on top of another spec.stage is dropped,
     * because the owner's declaration wins, and one at or below spec.stage has been committed.
     */
    public static Optional<Integer> promotedStage(ScalingStage resource) {
        ScalingStageSpec spec = resource.getSpec();
        return Optional.ofNullable(resource.getStatus())
                .map(ScalingStageStatus::getPromotion)
                .filter(promotion -> promotion.getPromotedStage() != null
                        && spec.getStage().equals(promotion.getSpecStage())
                        && promotion.getPromotedStage() > spec.getStage())
                .map(PromotionStatus::getPromotedStage);
    }

    public boolean has(Component component) {
        return components.contains(component);
    }

    /** The stage after this one, unless this is the last. */
    public Optional<Stage> next() {
        return stage == Stage.LAST ? Optional.empty() : Optional.of(Stage.of(stage.number() + 1));
    }

    /** The components the next stage would add to this plan. */
    public Set<Component> nextAdds() {
        return next().map(next -> {
            Set<Component> adds = EnumSet.noneOf(Component.class);
            for (Component component : Component.values()) {
                if (component.earnedAt() == next && !has(component)
                        && component.mode(resource.getSpec().getComponents()) != ComponentMode.Disabled) {
                    adds.add(component);
                }
            }
            return (Set<Component>) adds;
        }).orElse(Set.of());
    }

    public boolean hasTooManyReadReplicas() {
        return has(Component.READ_REPLICAS) && resource.getSpec().getDatabase().getReadReplicas() > READ_REPLICAS_EARNED;
    }

    /** Whether data-bearing objects the stage no longer wants are kept (retention Retain, the default). */
    public boolean retainsData() {
        return resource.getSpec().getRetention() != Retention.Delete;
    }

    public String name() {
        return resource.getMetadata().getName();
    }

    public String namespace() {
        return resource.getMetadata().getNamespace();
    }
}
