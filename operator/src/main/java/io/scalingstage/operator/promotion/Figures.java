package io.scalingstage.operator.promotion;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/** Numbers as status, Events and logs print them: three significant digits, no exponent. */
public final class Figures {

    public static final String UNKNOWN = "Unknown";

    private Figures() {
    }

    public static String of(double value) {
        if (!Double.isFinite(value)) {
            return UNKNOWN;
        }
        return rounded(value).stripTrailingZeros().toPlainString();
    }

    public static String of(OptionalDouble value) {
        return value.isPresent() ? of(value.getAsDouble()) : UNKNOWN;
    }

    /** The value rounded as it is printed, so stored evidence and its message agree. */
    public static Double rounded(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? rounded(value.getAsDouble()).doubleValue() : null;
    }

    private static BigDecimal rounded(double value) {
        return new BigDecimal(value).round(new MathContext(3));
    }
}
