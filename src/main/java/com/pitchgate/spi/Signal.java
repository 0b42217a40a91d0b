package com.pitchgate.spi;

import java.util.Objects;

/**
 * One named, weighted and explained observation about a pitch.
 *
 * <p>Positive weights push a pitch towards {@link Queue#FORWARD}, negative ones towards
 * {@link Queue#AUTO_DECLINE}; the router adds the weights of all signals and compares the sum with
 * the thresholds in {@code config.yml}.
 *
 * @param name   a short, stable, snake_case identifier, e.g. {@code merge_field_leftover}
 * @param weight the signal's contribution to the pitch's score
 * @param detail what was seen, for a human: {@code "Hi {{first_name}}" in the body}
 */
public record Signal(String name, double weight, String detail) {
    public Signal {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a signal needs a name");
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("signal " + name + " has a non-finite weight");
        }
        detail = detail == null ? "" : detail;
    }

    /**
     * This declared signal, raised with what was seen on one pitch. A policy declares each signal once
     * ({@link Policy#signals()}: its name, default weight and meaning) and raises it with this.
     */
    public Signal withDetail(String seen) {
        return new Signal(name, weight, seen);
    }
}
