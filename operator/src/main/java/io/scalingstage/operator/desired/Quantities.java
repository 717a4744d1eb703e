package io.scalingstage.operator.desired;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Kubernetes quantities as the plain numbers nginx and Redis configuration files want, and in the canonical form the
 * API server stores: an object carrying "1.5Gi" would be stored as "1536Mi" and differ from the applied one forever.
 */
public final class Quantities {

    private static final String[] BINARY = { "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };
    private static final String[] DECIMAL = { "", "k", "M", "G", "T", "P", "E" };

    private Quantities() {
    }

    public static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** The quantity as the API server writes it back: the largest unit of its own kind (binary or decimal) that holds it exactly. */
    public static Quantity canonical(Quantity quantity) {
        return of(Quantity.getAmountInBytes(quantity), isBinary(quantity));
    }

    /** {@code quantity} scaled by {@code factor}, whole, in canonical form: 512Mi × 1.5 is 768Mi. */
    public static Quantity scaled(Quantity quantity, double factor) {
        BigDecimal amount = Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.CEILING);
        return of(amount, isBinary(quantity));
    }

    private static Quantity of(BigDecimal amount, boolean binary) {
        BigDecimal whole = amount.stripTrailingZeros();
        if (whole.scale() > 0) {
            return new Quantity(whole.toPlainString());
        }
        BigInteger value = whole.toBigIntegerExact();
        BigInteger base = BigInteger.valueOf(binary ? 1024 : 1000);
        String[] units = binary ? BINARY : DECIMAL;
        int unit = 0;
        while (value.signum() != 0 && value.mod(base).signum() == 0 && unit < units.length - 1) {
            value = value.divide(base);
            unit++;
        }
        return new Quantity(value + units[unit]);
    }

    private static boolean isBinary(Quantity quantity) {
        return quantity.getFormat() != null && quantity.getFormat().endsWith("i");
    }
}
