package io.scalingstage.operator.promotion;

import java.time.Duration;

import io.scalingstage.operator.api.v1alpha1.PromotionSpec;
import io.scalingstage.operator.plan.Stage;

/**
 * The exit trigger of one stage: fires when every sample of the query over {@code window} exceeds {@code threshold}.
 *
 * @param stage the stage the trigger leads out of
 * @param description the trigger in words
 * @param query the PromQL, placeholders already filled in
 * @param podCpu whether the query is the app's CPU utilization, which metrics.k8s.io can answer without Prometheus
 */
public record Trigger(Stage stage, String description, String query, double threshold, Duration window, boolean podCpu) {

    /** What the evidence names as the query when metrics.k8s.io answers instead of Prometheus. */
    public static final String POD_CPU_READ = "metrics.k8s.io: CPU of the app containers / their CPU requests";

    /** What is asked: the PromQL when Prometheus is set, else the metrics.k8s.io read if this trigger allows one. */
    public String source(PromotionSpec promotion) {
        return promotion.getPrometheus() == null && podCpu ? POD_CPU_READ : query;
    }

    /** 7 to 8 follows team boundaries, which no metric shows: its trigger may recommend, never promote. */
    public boolean recommendsOnly() {
        return stage == Stage.SHARDED;
    }

    /** What the owner does to take the stage this trigger recommends, told in the Event and in the condition. */
    public String howToMove() {
        return recommendsOnly() ? "Stage 8 is never automatic: set spec.stage: 8 when the teams are ready."
                : "Set spec.stage: " + (stage.number() + 1) + " to move.";
    }
}
