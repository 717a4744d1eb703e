package io.scalingstage.operator.status;

import java.util.List;

/** The condition types of a ScalingStage, in the order status lists them. */
public final class ConditionType {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";
    /** kstatus's name for a rollout under way (sigs.k8s.io/cli-utils, read by Flux): Progressing unless stalled. */
    public static final String RECONCILING = "Reconciling";
    /** kstatus's name for a stage the operator cannot take further by itself: Degraded. */
    public static final String STALLED = "Stalled";
    public static final String METRICS_AVAILABLE = "MetricsAvailable";
    public static final String PROMOTION_RECOMMENDED = "PromotionRecommended";
    public static final String PREMATURE_SCALING = "PrematureScaling";
    public static final String RETAINED_COMPONENTS = "RetainedComponents";

    static final List<String> ORDER = List.of(READY, PROGRESSING, DEGRADED, RECONCILING, STALLED, METRICS_AVAILABLE,
            PROMOTION_RECOMMENDED, PREMATURE_SCALING, RETAINED_COMPONENTS);

    private ConditionType() {
    }

    /** Position of a type in status: the known ones first in {@link #ORDER}, any other after them. */
    static int position(String type) {
        int index = ORDER.indexOf(type);
        return index < 0 ? ORDER.size() : index;
    }
}
