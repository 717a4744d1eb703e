package io.scalingstage.operator.desired;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.fabric8.kubernetes.api.model.Quantity;

/** Kubernetes quantities as the plain numbers nginx and Redis configuration files want, and scaled ones. */
public final class Quantities {

    private static final String[] BINARY_UNITS = { "", "Ki", "Mi", "Gi", "Ti", "Pi" };

    private Quantities() {
    }

    public static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** {@code quantity} scaled by {@code factor}, in the largest binary unit that holds it exactly: 768Mi, not 805306368. */
    public static Quantity scaled(Quantity quantity, double factor) {
        long value = Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(factor))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        int unit = 0;
        while (value != 0 && value % 1024 == 0 && unit < BINARY_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return new Quantity(value + BINARY_UNITS[unit]);
    }
}
