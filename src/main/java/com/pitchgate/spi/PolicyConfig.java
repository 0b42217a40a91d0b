package com.pitchgate.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A policy's name in the chain and its own settings block from {@code config.yml}. */
public record PolicyConfig(String name, Map<String, Object> settings) {
    public PolicyConfig {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public Optional<String> string(String key) {
        Object value = settings.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public double number(String key, double fallback) throws PolicyException {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new PolicyException("policy " + name + ": setting '" + key + "' must be a number, got '" + value + "'");
        }
    }

    public List<String> strings(String key) throws PolicyException {
        Object value = settings.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new PolicyException("policy " + name + ": setting '" + key + "' must be a list, got '" + value + "'");
    }
}
