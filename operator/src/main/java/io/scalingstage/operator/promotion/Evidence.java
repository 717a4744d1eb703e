package io.scalingstage.operator.promotion;

import java.time.Instant;
import java.util.Optional;

import io.scalingstage.operator.metrics.Window;

/**
 * One evaluation of a stage's exit trigger: the trigger as it was asked, what the source answered, and when.
 *
 * @param source the query as sent: the trigger's PromQL, or {@link Trigger#POD_CPU_READ}
 * @param headroom how the stage below's trigger has fared over a long span, when it could be asked
 */
public record Evidence(Trigger trigger, String source, Instant time, Window window, Optional<Headroom> headroom) {

    /** Whether this evidence answers the given trigger, and not one the ScalingStage has since replaced. */
    public boolean answers(Trigger current) {
        return trigger.equals(current);
    }
}
