package io.scalingstage.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a metric out of a Prometheus text exposition, as the operator and Prometheus itself serve it. */
final class MetricsText {

    private MetricsText() {
    }

    /**
     * The sum of {@code name} over the label sets whose text contains {@code labels} (every label set when it is
     * empty); 0 when there is none.
     */
    static double sum(String exposition, String name, String labels) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$")
                .matcher(exposition);
        double sum = 0;
        while (matcher.find()) {
            if (labels.isEmpty() || (matcher.group(1) != null && matcher.group(1).contains(labels))) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }
}
