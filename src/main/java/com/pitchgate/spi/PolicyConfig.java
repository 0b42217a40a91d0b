package com.pitchgate.spi;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy's name in the chain and its own {@code settings} block from {@code config.yml}, with
 * typed accessors. Each accessor throws a {@link PolicyException} that names the policy and the
 * setting when the value has the wrong type; settings a policy never reads during
 * {@link Policy#init} are reported by the server as unknown, so that a misspelt key fails start-up.
 */
public final class PolicyConfig {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String name;
    private final Map<String, Object> settings;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    public PolicyConfig(String name, Map<String, Object> settings) {
        this.name = name;
        this.settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The policy's name in the chain. */
    public String name() {
        return name;
    }

    /** All settings, as parsed from YAML. Reading them this way marks none as read. */
    public Map<String, Object> settings() {
        return settings;
    }

    public boolean has(String key) {
        read.add(key);
        return settings.containsKey(key);
    }

    public Optional<String> string(String key) throws PolicyException {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw wrongType(key, "a text", value);
        }
        return Optional.of(value.toString());
    }

    public String requiredString(String key) throws PolicyException {
        return string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new PolicyException(prefix(key) + "is required"));
    }

    public double number(String key, double fallback) throws PolicyException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw wrongType(key, "a number", value);
        }
    }

    public int integer(String key, int fallback) throws PolicyException {
        double number = number(key, fallback);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw wrongType(key, "a whole number", settings.get(key));
        }
        return (int) number;
    }

    public boolean bool(String key, boolean fallback) throws PolicyException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw wrongType(key, "true or false", value);
    }

    /** A duration written as {@code 250ms}, {@code 10s}, {@code 5m}, {@code 2h} or {@code 30d}. */
    public Duration duration(String key, Duration fallback) throws PolicyException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(value.toString().strip());
        if (!matcher.matches()) {
            throw wrongType(key, "a duration such as 250ms, 10s or 5m", value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    public List<String> strings(String key) throws PolicyException {
        Object value = value(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw wrongType(key, "a list", value);
    }

    /** One of {@code allowed}, compared without regard to case. */
    public String oneOf(String key, String fallback, List<String> allowed) throws PolicyException {
        String value = string(key).orElse(fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new PolicyException(prefix(key) + "must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    /** The keys of the settings block that the policy never asked for. */
    public Set<String> unreadKeys() {
        return settings.keySet().stream().filter(key -> !read.contains(key))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** An error about one setting, worded like the server's own: "policy X: setting 'y' ...". */
    public PolicyException invalid(String key, String problem) {
        return new PolicyException(prefix(key) + problem);
    }

    private Object value(String key) {
        read.add(key);
        return settings.get(key);
    }

    private PolicyException wrongType(String key, String expected, Object value) {
        return new PolicyException(prefix(key) + "must be " + expected + ", got '" + value + "'");
    }

    private String prefix(String key) {
        return "policy " + name + ": setting '" + key + "' ";
    }

    @Override
    public String toString() {
        return "PolicyConfig[" + name + ", " + settings.keySet() + "]";
    }
}
