package io.scalingstage.operator.plan;

import static io.scalingstage.operator.plan.Component.APP;
import static io.scalingstage.operator.plan.Component.AUTOSCALER;
import static io.scalingstage.operator.plan.Component.CACHE;
import static io.scalingstage.operator.plan.Component.DATABASE;
import static io.scalingstage.operator.plan.Component.DATABASE_ISOLATION;
import static io.scalingstage.operator.plan.Component.EDGE;
import static io.scalingstage.operator.plan.Component.INGRESS;
import static io.scalingstage.operator.plan.Component.LOAD_BALANCING;
import static io.scalingstage.operator.plan.Component.POOLER;
import static io.scalingstage.operator.plan.Component.READ_REPLICAS;
import static io.scalingstage.operator.plan.Component.SERVICES;
import static io.scalingstage.operator.plan.Component.SHARDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.api.v1alpha1.PromotionStatus;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageStatus;

class StagePlanTest {

    static Stream<Arguments> ladder() {
        return Stream.of(
                Arguments.of(1, EnumSet.of(APP, DATABASE), Set.of(DATABASE_ISOLATION, INGRESS)),
                Arguments.of(2, EnumSet.of(APP, DATABASE, DATABASE_ISOLATION, INGRESS), Set.of(LOAD_BALANCING)),
                Arguments.of(3, EnumSet.of(APP, DATABASE, DATABASE_ISOLATION, INGRESS, LOAD_BALANCING), Set.of(EDGE)),
                Arguments.of(4, EnumSet.of(APP, DATABASE, DATABASE_ISOLATION, INGRESS, LOAD_BALANCING, EDGE),
                        Set.of(CACHE, AUTOSCALER, POOLER)),
                Arguments.of(5, EnumSet.range(APP, POOLER), Set.of(READ_REPLICAS)),
                Arguments.of(6, EnumSet.range(APP, READ_REPLICAS), Set.of(SHARDS)),
                Arguments.of(7, EnumSet.range(APP, SHARDS), Set.of(SERVICES)),
                Arguments.of(8, EnumSet.allOf(Component.class), Set.of()));
    }

    @ParameterizedTest(name = "stage {0}")
    @MethodSource("ladder")
    void eachStageKeepsEverythingBeforeItAndAddsItsOwn(int stage, Set<Component> expected, Set<Component> nextAdds) {
        StagePlan plan = StagePlan.of(ScalingStages.atStage(stage));

        assertThat(plan.stage()).isEqualTo(Stage.of(stage));
        assertThat(plan.components()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(plan.premature()).isEmpty();
        assertThat(plan.nextAdds()).containsExactlyInAnyOrderElementsOf(nextAdds);
        assertThat(plan.next().map(Stage::number)).isEqualTo(stage == 8 ? Optional.empty() : Optional.of(stage + 1));
    }

    @Test
    void promotedStageRaisesTheEffectiveStage() {
        assertThat(StagePlan.of(promoted(ScalingStages.atStage(2), 4)).stage()).isEqualTo(Stage.STATIC_EDGE);
    }

    @Test
    void promotedStageBelowTheDeclaredOneIsIgnored() {
        assertThat(StagePlan.of(promoted(ScalingStages.atStage(5), 3)).stage()).isEqualTo(Stage.CACHE);
    }

    @Test
    void aPromotionMadeOnAnotherDeclaredStageIsDropped() {
        ScalingStage resource = promoted(ScalingStages.atStage(2), 4);
        resource.getSpec().setStage(3);

        assertThat(StagePlan.of(resource).stage()).isEqualTo(Stage.LOAD_BALANCED);
        assertThat(StagePlan.promotedStage(resource)).isEmpty();
    }

    @Test
    void maxStageCapsPromotion() {
        ScalingStage resource = promoted(ScalingStages.atStage(3, "maxStage: 4"), 6);
        assertThat(StagePlan.of(resource).stage()).isEqualTo(Stage.STATIC_EDGE);
    }

    @Test
    void enabledBeforeItsStageExistsAndIsPremature() {
        StagePlan plan = StagePlan.of(ScalingStages.atStage(2, "components: {cache: Enabled, ingress: Enabled}"));

        assertThat(plan.components()).contains(CACHE, INGRESS);
        assertThat(plan.premature()).containsExactly(CACHE);
    }

    @Test
    void disabledComponentIsLeftOutAndNotPlannedNext() {
        StagePlan plan = StagePlan.of(ScalingStages.atStage(4, "components: {edge: Disabled, pooler: Disabled}"));

        assertThat(plan.components()).doesNotContain(EDGE);
        assertThat(plan.nextAdds()).containsExactlyInAnyOrder(CACHE, AUTOSCALER);
    }

    @Test
    void appAndDatabaseCannotBeOverridden() {
        StagePlan plan = StagePlan.of(ScalingStages.atStage(1, "components: {edge: Disabled}"));

        assertThat(plan.components()).contains(APP, DATABASE);
    }

    private static ScalingStage promoted(ScalingStage resource, int promotedStage) {
        ScalingStageStatus status = new ScalingStageStatus();
        PromotionStatus promotion = new PromotionStatus();
        promotion.setPromotedStage(promotedStage);
        promotion.setSpecStage(resource.getSpec().getStage());
        status.setPromotion(promotion);
        resource.setStatus(status);
        return resource;
    }
}
