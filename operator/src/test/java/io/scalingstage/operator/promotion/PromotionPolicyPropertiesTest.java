package io.scalingstage.operator.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.Stage;

/**
 * The policy's promises over any sequence of samples: a stage change is one stage up, never within cooldown of the
 * last change, never past maxStage, never out of stage 7, never outside Auto, never on a window with a missing sample,
 * and only after a whole window above the threshold, with every sample since within the 90% hysteresis. Each example walks one ScalingStage through every sample, with the status each reconcile writes.
 */
class PromotionPolicyPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final double THRESHOLD = 1.0;

    /** A sample near the threshold, or, one time in eight, none. */
    private static final Gen<Double> SAMPLES = integers().between(0, 99).map(i -> i < 12 ? null : 0.7 + i / 150.0);

    record Scenario(int stage, int maxStage, int windowSteps, int cooldownSteps, boolean auto, List<Double> samples) {
    }

    private static final Gen<Scenario> SCENARIOS = integers().between(1, 7)
            .zip(integers().between(0, 3), integers().between(1, 8), (stage, headroom, window) -> new int[] { stage,
                    Math.min(8, stage + headroom), window })
            .zip(integers().between(1, 30), integers().between(0, 4), (a, cooldown, mode) -> new int[] { a[0], a[1], a[2],
                    cooldown, mode })
            .zip(lists().of(SAMPLES).ofSizeBetween(20, 160), (a, samples) -> new Scenario(a[0], a[1], a[2], a[3],
                    a[4] > 0, samples));

    @Test
    void promotionsKeepEveryPromiseOfThePolicy() {
        qt().withExamples(150).forAll(SCENARIOS).checkAssert(PromotionPolicyPropertiesTest::walk);
    }

    private static void walk(Scenario scenario) {
        ScalingStage resource = resource(scenario);
        Reconciles.at(resource, T0, Optional.empty());
        Instant lastChange = T0;
        int stage = scenario.stage();
        boolean firedAtThisStage = false;
        Duration cooldown = Duration.ofSeconds(scenario.cooldownSteps());
        for (int tick = 0; tick < scenario.samples().size(); tick++) {
            Instant now = T0.plusSeconds(tick + 1);
            Double[] window = window(scenario.samples(), tick, scenario.windowSteps() + 1);
            Promotion promotion = Reconciles.at(resource, now, Evidences.window(resource, now, window));
            firedAtThisStage |= Arrays.stream(window).allMatch(sample -> sample != null && sample > THRESHOLD);
            int next = promotion.stage().number();
            if (next != stage) {
                String at = "tick " + tick + " of " + scenario;
                assertThat(next).as("one stage up, " + at).isEqualTo(stage + 1);
                assertThat(scenario.auto()).as("only Auto promotes, " + at).isTrue();
                assertThat(stage).as("never out of stage 7, " + at).isNotEqualTo(Stage.SHARDED.number());
                assertThat(next).as("never past maxStage, " + at).isLessThanOrEqualTo(scenario.maxStage());
                assertThat(Duration.between(lastChange, now)).as("never within cooldown, " + at).isGreaterThanOrEqualTo(cooldown);
                assertThat(window).as("never on a window with a missing sample, " + at).doesNotContainNull();
                assertThat(Arrays.stream(window).mapToDouble(Double::doubleValue).min().orElseThrow())
                        .as("held within the hysteresis, " + at).isGreaterThanOrEqualTo(PromotionPolicy.RESET * THRESHOLD);
                assertThat(firedAtThisStage).as("fired on a whole window above the threshold first, " + at).isTrue();
                lastChange = now;
                stage = next;
                firedAtThisStage = false;
            }
            assertThat(resource.getStatus().getStage()).isEqualTo(stage);
            assertThat(resource.getSpec().getStage()).as("spec is never written").isEqualTo(scenario.stage());
        }
    }

    /** The last {@code steps} samples up to {@code tick}; before the first sample there is no data. */
    private static Double[] window(List<Double> samples, int tick, int steps) {
        List<Double> window = new ArrayList<>();
        for (int i = tick - steps + 1; i <= tick; i++) {
            window.add(i < 0 ? null : samples.get(i));
        }
        return window.toArray(Double[]::new);
    }

    /** Every stage's exit trigger replaced by one signal, so a single sample sequence drives the whole ladder. */
    private static ScalingStage resource(Scenario scenario) {
        StringBuilder triggers = new StringBuilder();
        for (int stage = 1; stage <= 7; stage++) {
            triggers.append("{stage: ").append(stage).append(", query: signal, threshold: ").append(THRESHOLD).append("}, ");
        }
        return ScalingStages.withSpec("""
                stage: %d
                maxStage: %d
                app: {image: registry.example/shop:1.4.2, resources: {requests: {cpu: 500m}}}
                database: {shards: 2}
                promotion: {mode: %s, interval: 1s, for: %ds, cooldown: %ds, triggers: [%s]}
                """.formatted(scenario.stage(), scenario.maxStage(), scenario.auto() ? "Auto" : "Recommend",
                scenario.windowSteps(), scenario.cooldownSteps(), triggers));
    }
}
