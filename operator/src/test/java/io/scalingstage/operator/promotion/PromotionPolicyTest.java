package io.scalingstage.operator.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.api.v1alpha1.Condition;
import io.scalingstage.operator.api.v1alpha1.PromotionDecision;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.ScalingStageSpec;
import io.scalingstage.operator.metrics.Problem;
import io.scalingstage.operator.plan.Stage;
import io.scalingstage.operator.status.StatusFactory;

class PromotionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    /** Every test's ScalingStage was created at T0, so its cooldown runs from there. */
    private static final Instant AFTER_COOLDOWN = T0.plusSeconds(60);

    private static ScalingStage created(int stage, String promotion, String specExtra) {
        ScalingStage resource = ScalingStages.withSpec("""
                stage: %d
                app: {image: registry.example/shop:1.4.2, resources: {requests: {cpu: 500m}}}
                promotion: {interval: 1s, for: 5s, cooldown: 20s, %s}
                %s""".formatted(stage, promotion, specExtra));
        Reconciles.at(resource, T0, Optional.empty());
        return resource;
    }

    private static ScalingStage created(int stage, String promotion) {
        return created(stage, promotion, "");
    }

    @Test
    void aWindowAboveTheThresholdAtEveryStepRecommendsTheNextStage() {
        ScalingStage resource = created(1, "mode: Recommend");
        ScalingStageSpec before = ScalingStages.SERIALIZATION.clone(resource.getSpec());

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN,
                Evidences.window(resource, AFTER_COOLDOWN, 0.71, 0.9, 0.8, 0.75, 0.72, 0.85));

        assertThat(promotion.decision()).contains(Decision.Recommended);
        assertThat(promotion.stage()).isEqualTo(Stage.ONE_BOX);
        assertThat(resource.getStatus().getRecommendedStage()).isEqualTo(2);
        assertThat(resource.getStatus().getStage()).isEqualTo(1);
        assertThat(resource.getStatus().getPromotion().getPromotedStage()).isNull();
        assertThat(resource.getSpec()).usingRecursiveComparison().isEqualTo(before);
        PromotionDecision recorded = resource.getStatus().getPromotion().getHistory().get(0);
        assertThat(recorded).isEqualTo(promotion.recorded().orElseThrow());
        assertThat(recorded.getDecision()).isEqualTo("Recommended");
        assertThat(recorded.getFromStage()).isEqualTo(1);
        assertThat(recorded.getToStage()).isEqualTo(2);
        assertThat(recorded.getMin()).isEqualTo(0.71);
        assertThat(recorded.getMax()).isEqualTo(0.9);
        assertThat(recorded.getLast()).isEqualTo(0.85);
        assertThat(recorded.getThreshold()).isEqualTo(0.7);
        assertThat(recorded.getWindow()).isEqualTo("5s");
        assertThat(recorded.getTime()).isEqualTo("2026-11-25T10:01:00Z");
        assertThat(recorded.getQuery()).isEqualTo(Trigger.POD_CPU_READ);
        assertThat(recorded.getMessage()).startsWith("Stage 2 (SplitTiers) is recommended: the app's CPU above 70% of its request")
                .contains("6 of 6 samples, min 0.71, max 0.9, last 0.85").endsWith("Set spec.stage: 2 to move.");
        assertThat(condition(resource, "PromotionRecommended").getStatus()).isEqualTo("True");
        assertThat(condition(resource, "MetricsAvailable").getStatus()).isEqualTo("True");
        assertThat(resource.getStatus().getPlan().getState()).isEqualTo("Firing");
        assertThat(resource.getStatus().getPlan().getLastValue()).isEqualTo("0.85");
    }

    @Test
    void aSampleAtTheThresholdIsNotAbove() {
        ScalingStage resource = created(1, "mode: Recommend");

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN,
                Evidences.window(resource, AFTER_COOLDOWN, 0.9, 0.9, 0.7, 0.9, 0.9, 0.9));

        assertThat(promotion.decision()).contains(Decision.BelowThreshold);
        assertThat(resource.getStatus().getRecommendedStage()).isEqualTo(1);
        assertThat(condition(resource, "PromotionRecommended").getReason()).isEqualTo("BelowThreshold");
    }

    @Test
    void aMissingSampleHoldsTheStageAndIsNeverReadAsZero() {
        ScalingStage resource = created(1, "mode: Auto");

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN,
                Evidences.window(resource, AFTER_COOLDOWN, 0.9, 0.9, null, 0.9, 0.9, 0.9));

        assertThat(promotion.decision()).contains(Decision.HeldMissingData);
        assertThat(promotion.stage()).isEqualTo(Stage.ONE_BOX);
        assertThat(resource.getStatus().getRecommendedStage()).isNull();
        assertThat(condition(resource, "MetricsAvailable")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("IncompleteWindow");
            assertThat(c.getMessage()).contains("not every 1.0s step of the window has a sample").endsWith("The stage holds.");
        });
        assertThat(resource.getStatus().getPromotion().getHistory().get(0).getMessage())
                .isEqualTo("Stage 1 (OneBox) holds: its exit trigger has no complete evidence: the data has gaps: not "
                        + "every 1.0s step of the window has a sample.");
    }

    @Test
    void notANumberAndFailedSourcesHoldWithTheirReason() {
        ScalingStage resource = created(1, "mode: Auto");

        Reconciles.at(resource, AFTER_COOLDOWN, Evidences.window(resource, AFTER_COOLDOWN, 0.9, 0.9, 0.9, 0.9, 0.9, Double.NaN));
        assertThat(condition(resource, "MetricsAvailable").getReason()).isEqualTo("NotANumber");

        Reconciles.at(resource, AFTER_COOLDOWN.plusSeconds(1), Evidences.failed(resource, AFTER_COOLDOWN.plusSeconds(1),
                new Problem(Problem.UNREACHABLE, "cannot connect to Prometheus at http://127.0.0.1:1")));
        assertThat(condition(resource, "MetricsAvailable").getReason()).isEqualTo("SourceUnreachable");
        assertThat(resource.getStatus().getStage()).isEqualTo(1);
    }

    @Test
    void aFiredTriggerHoldsUntilASampleFallsUnderNinetyPercent() {
        ScalingStage resource = created(1, "mode: Recommend");
        Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.8));

        Promotion dipped = Reconciles.at(resource, AFTER_COOLDOWN.plusSeconds(1),
                Evidences.window(resource, AFTER_COOLDOWN.plusSeconds(1), 0.8, 0.8, 0.8, 0.66, 0.8, 0.64));
        assertThat(dipped.state()).isEqualTo(TriggerState.Firing);
        assertThat(dipped.recorded()).isEmpty();
        assertThat(resource.getStatus().getRecommendedStage()).isEqualTo(2);

        Promotion reset = Reconciles.at(resource, AFTER_COOLDOWN.plusSeconds(2),
                Evidences.window(resource, AFTER_COOLDOWN.plusSeconds(2), 0.8, 0.8, 0.66, 0.8, 0.64, 0.62));
        assertThat(reset.decision()).contains(Decision.BelowThreshold);
        assertThat(reset.recorded()).isPresent();
        assertThat(resource.getStatus().getRecommendedStage()).isEqualTo(1);

        Promotion again = Reconciles.at(resource, AFTER_COOLDOWN.plusSeconds(3),
                Evidences.window(resource, AFTER_COOLDOWN.plusSeconds(3), 0.8, 0.66, 0.8, 0.8, 0.8, 0.8));
        assertThat(again.state()).as("a reset trigger needs a whole window above the threshold again").isEqualTo(TriggerState.Below);
    }

    @Test
    void autoPromotesOneStageAndBuildsItInTheSameReconcile() {
        ScalingStage resource = created(1, "mode: Auto");

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.95));

        assertThat(promotion.decision()).contains(Decision.Promoted);
        assertThat(promotion.stage()).isEqualTo(Stage.SPLIT_TIERS);
        assertThat(resource.getSpec().getStage()).isEqualTo(1);
        assertThat(resource.getStatus().getStage()).isEqualTo(2);
        assertThat(resource.getStatus().getPromotion().getPromotedStage()).isEqualTo(2);
        assertThat(resource.getStatus().getPromotion().getSpecStage()).isEqualTo(1);
        assertThat(resource.getStatus().getPromotion().getLastTransitionTime()).isEqualTo("2026-11-25T10:01:00Z");
        assertThat(resource.getStatus().getPlan().getNextStage()).isEqualTo(3);
        assertThat(resource.getStatus().getPlan().getState()).isEqualTo("NotEvaluated");
        assertThat(resource.getStatus().getPromotion().getHistory().get(0).getMessage())
                .startsWith("Promoted from stage 1 (OneBox) to 2 (SplitTiers): ").endsWith("Commit spec.stage: 2 to keep it.");
        assertThat(condition(resource, "PromotionRecommended").getReason()).isEqualTo("Promoted");

        Promotion stale = Reconciles.at(resource, AFTER_COOLDOWN.plusSeconds(1),
                Optional.of(Evidences.window(ScalingStages.atStage(1, "promotion: {interval: 1s, for: 5s}"),
                        AFTER_COOLDOWN, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95)));
        assertThat(stale.decision()).as("evidence about stage 1 decides nothing at stage 2").isEmpty();
        assertThat(stale.stage()).isEqualTo(Stage.SPLIT_TIERS);
    }

    @Test
    void cooldownHoldsThenLetsTheNextPromotionThrough() {
        ScalingStage resource = created(1, "mode: Auto");
        Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.95));

        Instant early = AFTER_COOLDOWN.plusSeconds(19);
        Promotion held = Reconciles.at(resource, early, Evidences.steady(resource, early, 0.95));
        assertThat(held.decision()).contains(Decision.HeldCooldown);
        assertThat(held.stage()).isEqualTo(Stage.SPLIT_TIERS);
        assertThat(condition(resource, "PromotionRecommended").getMessage()).isEqualTo("The exit trigger of stage 2 "
                + "(SplitTiers) fired, but the stage changed at 2026-11-25T10:01:00Z: the 20s cooldown holds it until "
                + "2026-11-25T10:01:20Z.");

        Instant due = AFTER_COOLDOWN.plusSeconds(20);
        Promotion promoted = Reconciles.at(resource, due, Evidences.steady(resource, due, 0.95));
        assertThat(promoted.decision()).contains(Decision.Promoted);
        assertThat(promoted.stage()).isEqualTo(Stage.LOAD_BALANCED);
        assertThat(resource.getStatus().getPromotion().getHistory()).extracting(PromotionDecision::getDecision)
                .containsExactly("Promoted", "HeldCooldown", "Promoted");
    }

    @Test
    void theCreationStartsTheCooldown() {
        ScalingStage resource = created(1, "mode: Auto");

        Instant early = T0.plusSeconds(10);
        assertThat(Reconciles.at(resource, early, Evidences.steady(resource, early, 0.95)).decision())
                .contains(Decision.HeldCooldown);
    }

    @Test
    void maxStageHoldsAFiredTrigger() {
        ScalingStage resource = created(2, "mode: Auto", "maxStage: 2");

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.95));

        assertThat(promotion.decision()).contains(Decision.HeldMaxStage);
        assertThat(promotion.stage()).isEqualTo(Stage.SPLIT_TIERS);
        assertThat(resource.getStatus().getRecommendedStage()).isEqualTo(2);
        assertThat(condition(resource, "PromotionRecommended").getReason()).isEqualTo("MaxStageReached");
    }

    @Test
    void manualModeOnlyPlans() {
        ScalingStage resource = created(1, "mode: Manual");

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.95));

        assertThat(promotion.decision()).contains(Decision.Fired);
        assertThat(promotion.recorded()).isEmpty();
        assertThat(resource.getStatus().getRecommendedStage()).isNull();
        assertThat(resource.getStatus().getPromotion().getHistory()).isEmpty();
        assertThat(resource.getStatus().getPlan().getState()).isEqualTo("Firing");
        assertThat(condition(resource, "PromotionRecommended").getReason()).isEqualTo("ManualMode");
    }

    @Test
    void stageSevenOnlyEverRecommends() {
        ScalingStage custom = created(7, "mode: Auto, triggers: [{stage: 7, query: 'team_count', threshold: 3}]",
                "database: {shards: 2}");
        Promotion promotion = Reconciles.at(custom, AFTER_COOLDOWN, Evidences.steady(custom, AFTER_COOLDOWN, 5));
        assertThat(promotion.decision()).contains(Decision.Recommended);
        assertThat(custom.getStatus().getStage()).isEqualTo(7);
        assertThat(custom.getStatus().getRecommendedStage()).isEqualTo(8);
        assertThat(promotion.recorded().orElseThrow().getMessage())
                .endsWith("Stage 8 is never automatic: set spec.stage: 8 when the teams are ready.");

        ScalingStage plain = created(7, "mode: Auto", "database: {shards: 2}");
        assertThat(Triggers.exitOf(plain, Stage.SHARDED)).isEmpty();
        assertThat(Reconciles.at(plain, AFTER_COOLDOWN, Optional.empty()).state()).isEqualTo(TriggerState.None);
        assertThat(condition(plain, "MetricsAvailable").getReason()).isEqualTo("NoTrigger");
    }

    @Test
    void aDecisionIsRecordedOnceAndTheHistoryKeepsTen() {
        ScalingStage resource = created(1, "mode: Recommend");
        Instant now = AFTER_COOLDOWN;
        for (int i = 0; i < 12; i++) {
            now = now.plusSeconds(1);
            Reconciles.at(resource, now, Evidences.steady(resource, now, i % 2 == 0 ? 0.95 : 0.1));
            now = now.plusSeconds(1);
            Promotion repeated = Reconciles.at(resource, now, Evidences.steady(resource, now, i % 2 == 0 ? 0.95 : 0.1));
            assertThat(repeated.recorded()).isEmpty();
        }
        assertThat(resource.getStatus().getPromotion().getHistory()).hasSize(10)
                .extracting(PromotionDecision::getDecision).startsWith("BelowThreshold", "Recommended");
    }

    @Test
    void aMovingValueThatDecidesNothingNewWritesNothing() {
        ScalingStage resource = created(1, "mode: Recommend");
        Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.2));
        var before = resource.getStatus();

        Instant later = AFTER_COOLDOWN.plusSeconds(30);
        Reconciles.at(resource, later, Evidences.window(resource, later, 0.3, 0.5, 0.1, 0.6, 0.2, 0.4));

        assertThat(StatusFactory.same(before, resource.getStatus())).isTrue();
    }

    @Test
    void aStageWithoutATriggerWritesNothingAsTimePasses() {
        ScalingStage resource = created(7, "mode: Auto");
        var before = resource.getStatus();

        Reconciles.at(resource, AFTER_COOLDOWN, Optional.empty());

        assertThat(resource.getStatus().getPlan().getState()).isEqualTo("None");
        assertThat(StatusFactory.same(before, resource.getStatus())).isTrue();
    }

    @Test
    void evidenceAboutAReplacedTriggerIsIgnored() {
        ScalingStage resource = created(3, "mode: Auto", "ingress: {}");
        Evidence old = Evidences.steady(resource, AFTER_COOLDOWN, 0.9);
        resource.getSpec().getPromotion().setTriggers(new java.util.ArrayList<>(ScalingStages.atStage(3,
                "promotion: {triggers: [{stage: 3, query: 'sum(rate(http_requests_total[1m]))', threshold: 100}]}")
                .getSpec().getPromotion().getTriggers()));

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN, old);

        assertThat(promotion.decision()).isEmpty();
        assertThat(promotion.state()).isEqualTo(TriggerState.NotEvaluated);
        assertThat(resource.getStatus().getPlan().getQuery()).isEqualTo("sum(rate(http_requests_total[1m]))");
    }

    @Test
    void theOwnersNewStageDropsAPromotion() {
        ScalingStage resource = created(1, "mode: Auto");
        Reconciles.at(resource, AFTER_COOLDOWN, Evidences.steady(resource, AFTER_COOLDOWN, 0.95));
        assertThat(resource.getStatus().getStage()).isEqualTo(2);

        resource.getSpec().setStage(3);
        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN.plusSeconds(1), Optional.empty());

        assertThat(promotion.stage()).isEqualTo(Stage.LOAD_BALANCED);
        assertThat(resource.getStatus().getPromotion().getPromotedStage()).isNull();
        assertThat(resource.getStatus().getPromotion().getLastTransitionTime()).isEqualTo("2026-11-25T10:01:01Z");
    }

    @Test
    void aStageFarUnderTheTriggerBelowItIsOverProvisioned() {
        ScalingStage resource = created(2, "mode: Recommend, prometheus: {url: 'http://127.0.0.1:9090', scrapeInterval: 1s}");
        Trigger below = Triggers.exitOf(resource, Stage.ONE_BOX).orElseThrow();
        Evidence plain = Evidences.steady(resource, AFTER_COOLDOWN, 0.2);
        Evidence evidence = new Evidence(plain.trigger(), plain.source(), plain.time(), plain.window(),
                Optional.of(new Headroom(below, Headroom.spanOf(below), io.scalingstage.operator.metrics.Window.of(
                        AFTER_COOLDOWN, java.time.Duration.ZERO, java.time.Duration.ZERO,
                        java.util.List.of(new io.scalingstage.operator.metrics.Sample(AFTER_COOLDOWN, 0.3))))));

        Promotion promotion = Reconciles.at(resource, AFTER_COOLDOWN, evidence);

        assertThat(promotion.overProvisioned()).isPresent();
        assertThat(condition(resource, "PromotionRecommended")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("OverProvisioned");
            assertThat(c.getMessage()).isEqualTo("The exit trigger of stage 1 (OneBox), the app's CPU above 70% of its "
                    + "request, has stayed under 0.35 (half its threshold) for 30s: stage 1 would carry this load. The "
                    + "operator never demotes; lower spec.stage to change it.");
        });
        assertThat(resource.getStatus().getStage()).isEqualTo(2);
    }

    private static Condition condition(ScalingStage resource, String type) {
        return resource.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }
}
