package com.pitchgate.policy.rules;

import com.pitchgate.spi.Queue;
import com.pitchgate.spi.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns the {@code rules:} list of {@code config.yml} into compiled rules, or fails with the index
 * of the first bad rule and what is wrong with it.
 *
 * <pre>
 * rules:
 *   - name: crypto
 *     when:
 *       - {field: words, op: contains_any, value: [crypto, blockchain, nft]}
 *       - {field: language, op: equals, value: en}
 *     signal: {name: crypto_offer, weight: -5}
 *   - name: partner
 *     when: [{field: domain, op: ends_with, value: partner.example}]
 *     route: forward
 * </pre>
 */
public final class RuleCompiler {

    enum Kind { TEXT, SET, NUMBER }

    static final Set<String> TEXT_FIELDS = Set.of("sender", "domain", "organisation", "language", "subject", "body",
            "text", "channel", "kind");
    static final Set<String> SET_FIELDS = Set.of("words", "signals", "intermediaries");
    static final Set<String> NUMBER_FIELDS = Set.of("score", "fit.space", "fit.best", "attachments");
    static final String HEADER_PREFIX = "header:";
    static final String MEMBER_FIT_PREFIX = "fit.member:";

    static final Set<String> TEXT_OPS = Set.of("equals", "not_equals", "contains", "not_contains", "starts_with",
            "ends_with", "matches", "in", "not_in", "present", "absent");
    static final Set<String> SET_OPS = Set.of("contains", "not_contains", "contains_any", "contains_all");
    static final Set<String> NUMBER_OPS = Set.of("equals", "gt", "gte", "lt", "lte");
    private static final Set<String> NO_VALUE_OPS = Set.of("present", "absent");
    private static final Set<String> RULE_KEYS = Set.of("name", "when", "signal", "route");
    private static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value");
    private static final Set<String> SIGNAL_KEYS = Set.of("name", "weight", "detail");
    private static final Pattern SIGNAL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private RuleCompiler() {
    }

    public static List<Rule> compile(List<?> specs) throws InvalidRuleException {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            rules.add(compile(i, specs.get(i)));
        }
        return List.copyOf(rules);
    }

    private static Rule compile(int index, Object spec) throws InvalidRuleException {
        String at = "rules[" + index + "]";
        Map<?, ?> rule = map(spec, at);
        unknownKeys(rule, RULE_KEYS, at);
        String name = rule.get("name") == null ? "rule_" + index : rule.get("name").toString();
        Object when = rule.get("when");
        if (!(when instanceof List<?> whens) || whens.isEmpty()) {
            throw new InvalidRuleException(at + ": 'when' must be a non-empty list of conditions");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int j = 0; j < whens.size(); j++) {
            conditions.add(condition(whens.get(j), at + ".when[" + j + "]"));
        }
        boolean hasSignal = rule.containsKey("signal");
        boolean hasRoute = rule.containsKey("route");
        if (hasSignal == hasRoute) {
            throw new InvalidRuleException(at + ": give exactly one of 'signal' (a weighted signal) or 'route' (a queue)");
        }
        Optional<Queue> route = Optional.empty();
        Optional<Signal> signal = Optional.empty();
        if (hasRoute) {
            String queue = String.valueOf(rule.get("route"));
            route = Optional.of(Queue.fromId(queue).orElseThrow(() -> new InvalidRuleException(at + ": unknown route '"
                    + queue + "'; queues are " + Arrays.stream(Queue.values()).map(Queue::id).toList())));
        } else {
            signal = Optional.of(signal(rule.get("signal"), name, at + ".signal"));
        }
        return new Rule(index, name, conditions, signal, route);
    }

    private static Signal signal(Object spec, String ruleName, String at) throws InvalidRuleException {
        Map<?, ?> signal = map(spec, at);
        unknownKeys(signal, SIGNAL_KEYS, at);
        String name = signal.get("name") == null ? ruleName : signal.get("name").toString();
        if (!SIGNAL_NAME.matcher(name).matches()) {
            throw new InvalidRuleException(at + ": signal name '" + name + "' must be lower-case letters, digits and underscores");
        }
        Object weight = signal.get("weight");
        if (!(weight instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new InvalidRuleException(at + ": 'weight' must be a number, got " + weight);
        }
        if (Math.abs(number.doubleValue()) > 50) {
            throw new InvalidRuleException(at + ": 'weight' must be between -50 and 50, got " + weight);
        }
        Object detail = signal.get("detail");
        return new Signal(name, number.doubleValue(), detail == null ? "" : detail.toString());
    }

    private static Condition condition(Object spec, String at) throws InvalidRuleException {
        Map<?, ?> condition = map(spec, at);
        unknownKeys(condition, CONDITION_KEYS, at);
        String field = required(condition, "field", at);
        String op = required(condition, "op", at);
        Object value = condition.get("value");
        Kind kind = kind(field, at);
        Set<String> ops = switch (kind) {
            case TEXT -> TEXT_OPS;
            case SET -> SET_OPS;
            case NUMBER -> NUMBER_OPS;
        };
        if (!ops.contains(op)) {
            throw new InvalidRuleException(at + ": operator '" + op + "' does not apply to field '" + field
                    + "'; use one of " + new java.util.TreeSet<>(ops));
        }
        if (!NO_VALUE_OPS.contains(op) && value == null) {
            throw new InvalidRuleException(at + ": operator '" + op + "' needs a 'value'");
        }
        String text = field + " " + op + (value == null ? "" : " " + value);
        Predicate<RuleSubject> predicate = switch (kind) {
            case TEXT -> textPredicate(textField(field), op, value, at);
            case SET -> setPredicate(setField(field), op, value, at);
            case NUMBER -> numberPredicate(numberField(field), op, value, at);
        };
        Set<String> wordsAsked = field.equals("words") ? Set.copyOf(wanted(value, at)) : Set.of();
        return new Condition(text, predicate, wordsAsked, op.equals("matches"));
    }

    private static Kind kind(String field, String at) throws InvalidRuleException {
        if (TEXT_FIELDS.contains(field) || (field.startsWith(HEADER_PREFIX) && field.length() > HEADER_PREFIX.length())) {
            return Kind.TEXT;
        }
        if (SET_FIELDS.contains(field)) {
            return Kind.SET;
        }
        if (NUMBER_FIELDS.contains(field) || (field.startsWith(MEMBER_FIT_PREFIX) && field.length() > MEMBER_FIT_PREFIX.length())) {
            return Kind.NUMBER;
        }
        throw new InvalidRuleException(at + ": unknown field '" + field + "'; fields are "
                + new java.util.TreeSet<>(TEXT_FIELDS) + ", " + new java.util.TreeSet<>(SET_FIELDS) + ", "
                + new java.util.TreeSet<>(NUMBER_FIELDS) + ", header:<Name> and fit.member:<member id>");
    }

    private static Function<RuleSubject, Optional<String>> textField(String field) {
        if (field.startsWith(HEADER_PREFIX)) {
            String header = field.substring(HEADER_PREFIX.length());
            return s -> s.header(header);
        }
        return switch (field) {
            case "sender" -> s -> Optional.of(s.pitch.sender().email());
            case "domain" -> s -> Optional.of(s.pitch.sender().domain());
            case "organisation" -> s -> s.pitch.organisation();
            case "language" -> s -> Optional.of(s.pitch.language());
            case "subject" -> s -> Optional.of(s.pitch.subject());
            case "body" -> s -> Optional.of(s.pitch.body());
            case "channel" -> s -> Optional.of(s.pitch.channel());
            case "kind" -> s -> Optional.of(s.pitch.kind().best());
            default -> s -> Optional.of(s.text());
        };
    }

    private static Function<RuleSubject, Set<String>> setField(String field) {
        return switch (field) {
            case "words" -> RuleSubject::words;
            case "signals" -> RuleSubject::signals;
            default -> s -> s.pitch.intermediaries().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        };
    }

    private static ToDoubleFunction<RuleSubject> numberField(String field) {
        if (field.startsWith(MEMBER_FIT_PREFIX)) {
            String member = field.substring(MEMBER_FIT_PREFIX.length());
            return s -> s.pitch.fit().members().getOrDefault(member, 0.0);
        }
        return switch (field) {
            case "score" -> RuleSubject::score;
            case "fit.space" -> s -> s.pitch.fit().space();
            case "attachments" -> s -> s.pitch.attachments().size();
            default -> s -> Math.max(s.pitch.fit().space(),
                    s.pitch.fit().members().values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        };
    }

    private static Predicate<RuleSubject> textPredicate(Function<RuleSubject, Optional<String>> field, String op,
            Object value, String at) throws InvalidRuleException {
        if (op.equals("present")) {
            return s -> field.apply(s).filter(v -> !v.isBlank()).isPresent();
        }
        if (op.equals("absent")) {
            return s -> field.apply(s).filter(v -> !v.isBlank()).isEmpty();
        }
        if (op.equals("in") || op.equals("not_in")) {
            List<String> options = lowerList(value, at);
            boolean in = op.equals("in");
            return s -> field.apply(s).map(v -> options.contains(v.toLowerCase(Locale.ROOT))).orElse(false) == in;
        }
        if (value instanceof List || value instanceof Map) {
            throw new InvalidRuleException(at + ": operator '" + op + "' takes a single text value, not " + value);
        }
        String expected = value.toString().toLowerCase(Locale.ROOT);
        Predicate<String> test = switch (op) {
            case "equals" -> v -> v.equals(expected);
            case "not_equals" -> v -> !v.equals(expected);
            case "contains" -> v -> v.contains(expected);
            case "not_contains" -> v -> !v.contains(expected);
            case "starts_with" -> v -> v.startsWith(expected);
            case "ends_with" -> v -> v.endsWith(expected);
            default -> regex(value.toString(), at).asPredicate();
        };
        boolean negative = op.startsWith("not_");
        return s -> field.apply(s).map(v -> test.test(v.toLowerCase(Locale.ROOT))).orElse(negative);
    }

    private static Predicate<RuleSubject> setPredicate(Function<RuleSubject, Set<String>> field, String op, Object value,
            String at) throws InvalidRuleException {
        List<String> wanted = wanted(value, at);
        if ((op.equals("contains") || op.equals("not_contains")) && wanted.size() != 1) {
            throw new InvalidRuleException(at + ": operator '" + op + "' takes one value; use contains_any or contains_all for a list");
        }
        return switch (op) {
            case "contains" -> s -> field.apply(s).contains(wanted.get(0));
            case "not_contains" -> s -> !field.apply(s).contains(wanted.get(0));
            case "contains_any" -> s -> wanted.stream().anyMatch(field.apply(s)::contains);
            default -> s -> field.apply(s).containsAll(wanted);
        };
    }

    private static List<String> wanted(Object value, String at) throws InvalidRuleException {
        return value instanceof List ? lowerList(value, at) : List.of(value.toString().toLowerCase(Locale.ROOT));
    }

    private static Predicate<RuleSubject> numberPredicate(ToDoubleFunction<RuleSubject> field, String op, Object value,
            String at) throws InvalidRuleException {
        if (!(value instanceof Number number)) {
            throw new InvalidRuleException(at + ": operator '" + op + "' needs a number, got '" + value + "'");
        }
        double expected = number.doubleValue();
        DoublePredicate test = switch (op) {
            case "gt" -> v -> v > expected;
            case "gte" -> v -> v >= expected;
            case "lt" -> v -> v < expected;
            case "lte" -> v -> v <= expected;
            default -> v -> v == expected;
        };
        return s -> test.test(field.applyAsDouble(s));
    }

    private static Pattern regex(String regex, String at) throws InvalidRuleException {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException(at + ": invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static List<String> lowerList(Object value, String at) throws InvalidRuleException {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidRuleException(at + ": 'value' must be a non-empty list, got " + value);
        }
        return list.stream().map(v -> String.valueOf(v).toLowerCase(Locale.ROOT)).toList();
    }

    private static Map<?, ?> map(Object spec, String at) throws InvalidRuleException {
        if (!(spec instanceof Map<?, ?> map)) {
            throw new InvalidRuleException(at + ": expected a mapping, got " + spec);
        }
        return map;
    }

    private static String required(Map<?, ?> map, String key, String at) throws InvalidRuleException {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidRuleException(at + ": '" + key + "' is required");
        }
        return value.toString();
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String at) throws InvalidRuleException {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new InvalidRuleException(at + ": unknown key '" + key + "'; keys are " + new java.util.TreeSet<>(known));
            }
        }
    }
}
