package com.pitchgate.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.0, 0.5, 1.5, 2.5, -0.4, -0.5, -2.5, 99.5, 100, 0.0005, 0.0015, 0.1234999, 12.345, 1e-9, 1e-3,
            123456789.5, 1e22, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void writesWhatFormatterWrites(double value) {
        for (int places = 0; places <= 4; places++) {
            assertThat(Decimals.rounded(value, places)).as("%s, %d places", value, places)
                    .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
        }
    }

    /** Confidences as the policies write them (100 times a probability), halves among them, and others. */
    @Test
    void writesWhatFormatterWritesForRandomNumbers() {
        Random random = new Random(23);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 5) {
                case 0 -> 100 * random.nextDouble();
                case 1 -> Math.round(random.nextDouble() * 4000) / 40.0; // multiples of 0.025: halves at each place
                case 2 -> random.nextDouble();
                case 3 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            int places = i % 4;
            assertThat(Decimals.rounded(value, places)).as("%s, %d places", value, places)
                    .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
        }
    }
}
