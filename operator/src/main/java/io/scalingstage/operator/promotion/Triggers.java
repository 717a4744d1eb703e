package io.scalingstage.operator.promotion;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.scalingstage.operator.api.v1alpha1.PromotionSpec;
import io.scalingstage.operator.api.v1alpha1.ScalingStage;
import io.scalingstage.operator.api.v1alpha1.TriggerSpec;
import io.scalingstage.operator.desired.Durations;
import io.scalingstage.operator.desired.Names;
import io.scalingstage.operator.plan.Stage;

/**
 * The exit trigger of a stage for one ScalingStage: the one in spec.promotion.triggers if there is one, else the
 * default. Placeholders are filled here, so the query in the evidence is exactly the one Prometheus ran.
 */
public final class Triggers {

    /** Grafana's rule for $__rate_interval: a rate needs several scrapes in its range to survive a missed one. */
    static final int SCRAPES_PER_RATE = 4;

    private Triggers() {
    }

    public static Optional<Trigger> exitOf(ScalingStage resource, Stage stage) {
        PromotionSpec promotion = resource.getSpec().getPromotion();
        Duration window = Durations.parse(promotion.getForDuration());
        Optional<TriggerSpec> custom = promotion.getTriggers().stream()
                .filter(trigger -> trigger.getStage() == stage.number())
                .findFirst();
        if (custom.isPresent()) {
            TriggerSpec spec = custom.get();
            return Optional.of(new Trigger(stage, "the custom trigger of stage " + stage.number() + " in spec.promotion.triggers",
                    render(spec.getQuery(), resource), spec.getThreshold(),
                    spec.getForDuration() == null ? window : Durations.parse(spec.getForDuration()), false));
        }
        return DefaultTriggers.of(stage).map(template -> new Trigger(stage, template.description(),
                render(template.query(), resource), template.threshold(), window, template.podCpu()));
    }

    /** The query with its placeholders filled in and its white space folded, as it is sent and recorded. */
    static String render(String query, ScalingStage resource) {
        String name = resource.getMetadata().getName();
        String database = Names.database(name);
        Map<String, String> values = Map.of(
                "{namespace}", resource.getMetadata().getNamespace(),
                "{name}", name,
                // A Deployment's pods: <name>-<pod-template-hash>-<5 characters>; no other pod of the ScalingStage has
                // exactly two segments after its name.
                "{app_pods}", name + "-[a-z0-9]+-[a-z0-9]{5}",
                "{database}", database,
                // CloudNativePG names instances and their data claims <cluster>-<serial>.
                "{database_pods}", database + "-[0-9]+",
                "{static_paths}", resource.getSpec().getApp().getStaticPaths().stream()
                        .map(Triggers::regexLiteral).collect(Collectors.joining("|")),
                "{rate_window}", rateWindow(resource.getSpec().getPromotion()));
        String rendered = query;
        for (Map.Entry<String, String> value : values.entrySet()) {
            rendered = rendered.replace(value.getKey(), value.getValue());
        }
        return rendered.strip().replaceAll("\\s+", " ");
    }

    private static String rateWindow(PromotionSpec promotion) {
        Duration interval = Durations.parse(promotion.getInterval());
        Duration scrape = promotion.getPrometheus() == null ? interval
                : Durations.parse(promotion.getPrometheus().getScrapeInterval()).multipliedBy(SCRAPES_PER_RATE);
        Duration window = scrape.compareTo(interval) >= 0 ? scrape : interval;
        return Durations.format(window);
    }

    /** A literal for a regular expression inside a PromQL double-quoted string, whose backslashes escape too. */
    private static String regexLiteral(String text) {
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (".+*?()[]{}|^$\\".indexOf(c) >= 0) {
                literal.append("\\\\");
            }
            literal.append(c);
        }
        return literal.toString();
    }
}
