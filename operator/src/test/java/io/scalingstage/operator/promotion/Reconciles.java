package io.scalingstage.operator.promotion;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.plan.StagePlan;
import io.scalingstage.operator.status.DatabaseProvider;
import io.scalingstage.operator.status.StatusFactory;

/** One reconcile's promotion, written into the resource's status the way the reconciler writes it. */
final class Reconciles {

    private static final DatabaseProvider INSTALLED = new DatabaseProvider(true, "postgresql.cnpg.io/v1", 30);

    private Reconciles() {
    }

    static Promotion at(ScalingStage resource, Instant now, Optional<Evidence> evidence) {
        Promotion promotion = PromotionPolicy.decide(resource, evidence, now);
        resource.setStatus(new StatusFactory(Clock.fixed(now, ZoneOffset.UTC))
                .reconciled(StagePlan.of(resource, promotion.stage()), List.of(), List.of(), INSTALLED, promotion));
        return promotion;
    }

    static Promotion at(ScalingStage resource, Instant now, Evidence evidence) {
        return at(resource, now, Optional.of(evidence));
    }
}
