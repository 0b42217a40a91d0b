package com.pitchgate.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A number written with a fixed count of decimal places, as {@code String.format(Locale.ROOT,
 * "%.2f", value)} writes it, for the details of reasons ("87% sure", "best fit 0.134"). Formatter
 * parses its pattern and builds its machinery at each call: under C1 that was a microsecond and a
 * half a number, a hundredth of a policy chain. Both round half up the shortest decimal that reads
 * back as the double ({@link Double#toString}), so they write the same.
 */
public final class Decimals {

    private Decimals() {
    }

    public static String rounded(double value, int places) {
        if (!Double.isFinite(value) || value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
            // Formatter writes "-0" for a negative number that rounds to zero, which BigDecimal does not.
            return String.format(Locale.ROOT, "%." + places + "f", value);
        }
        return new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
