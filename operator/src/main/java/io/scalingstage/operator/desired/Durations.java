package io.scalingstage.operator.desired;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API's Go-style durations ({@code 30s}, {@code 1h30m}, {@code 1.5h}); the CRD's pattern guarantees the shape. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher matcher = PART.matcher(text);
        double millis = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            double amount = Double.parseDouble(matcher.group(1));
            millis += amount * switch (matcher.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            end = matcher.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** The shortest text {@link #parse} reads back as this duration: {@code 1h30m}, {@code 10s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        if (duration.toMillisPart() != 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }

    /** Whole seconds, rounded up, as nginx wants them. */
    public static long seconds(String text) {
        Duration duration = parse(text);
        return duration.toSeconds() + (duration.toMillisPart() > 0 ? 1 : 0);
    }
}
