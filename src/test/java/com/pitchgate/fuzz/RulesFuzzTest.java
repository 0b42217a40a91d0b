package com.pitchgate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pitchgate.policy.rules.InvalidRuleException;
import com.pitchgate.policy.rules.RuleCompiler;
import com.pitchgate.policy.rules.RulesPolicy;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.support.Pitches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the rules parser: a {@code rules:} list, as YAML text or as a structure built from the
 * fuzzer's bytes with mostly valid field names and operators, is either refused with an
 * {@link InvalidRuleException} naming the bad rule, or compiled into rules that then evaluate a pitch
 * without an exception. Anything else is a finding.
 *
 * <p>Fuzz with {@code JAZZER_FUZZ=1 mvn -B test -Dtest='RulesFuzzTest#structured'} (or {@code #yaml}).
 */
class RulesFuzzTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] FIELDS = {"sender", "domain", "organisation", "language", "subject", "body", "text",
        "channel", "words", "signals", "intermediaries", "score", "fit.space", "fit.best", "attachments", "header:X-Mailer",
        "header:", "fit.member:ana", "fit.member:", "unknown"};
    private static final String[] OPS = {"equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with",
        "matches", "in", "not_in", "present", "absent", "contains_any", "contains_all", "gt", "gte", "lt", "lte", "nope"};
    private static final String[] RULE_KEYS = {"name", "when", "signal", "route", "extra"};
    private static final Pitch PITCH = Pitches.withEverythingRulesRead();

    @FuzzTest(maxDuration = "5m")
    void yaml(String text) {
        if (text == null) {
            return;
        }
        Object parsed;
        try {
            parsed = YAML.readValue(text, Object.class);
        } catch (JacksonException notYaml) {
            return;
        }
        if (parsed instanceof List<?> list) {
            compileAndRun(list);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void structured(FuzzedDataProvider data) {
        List<Object> rules = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            rules.add(data.consumeInt(0, 20) == 0 ? value(data, 0) : rule(data));
        }
        compileAndRun(rules);
    }

    private static void compileAndRun(List<?> rules) {
        try {
            RuleCompiler.compile(rules);
        } catch (InvalidRuleException refused) {
            if (refused.getMessage() == null || !refused.getMessage().startsWith("rules[")) {
                throw new IllegalStateException("a refusal that names no rule: " + refused.getMessage(), refused);
            }
            return;
        }
        RulesPolicy policy = new RulesPolicy();
        try {
            policy.init(new PolicyConfig("rules", Map.of("rules", rules)));
        } catch (PolicyException e) {
            throw new IllegalStateException("compiled, yet the policy refused it", e);
        }
        policy.evaluate(PITCH, Pitches.context(Pitches.space(List.of(), List.of()), List.of()));
    }

    private static Map<String, Object> rule(FuzzedDataProvider data) {
        Map<String, Object> rule = new LinkedHashMap<>();
        int keys = data.consumeInt(1, 4);
        for (int k = 0; k < keys; k++) {
            String key = data.pickValue(RULE_KEYS);
            switch (key) {
                case "when" -> {
                    List<Object> conditions = new ArrayList<>();
                    int n = data.consumeInt(0, 3);
                    for (int c = 0; c < n; c++) {
                        conditions.add(data.consumeInt(0, 10) == 0 ? value(data, 0) : condition(data));
                    }
                    rule.put("when", conditions);
                }
                case "signal" -> {
                    Map<String, Object> signal = new LinkedHashMap<>();
                    if (data.consumeBoolean()) {
                        signal.put("name", data.consumeBoolean() ? "crypto_offer" : data.consumeString(20));
                    }
                    if (data.consumeBoolean()) {
                        signal.put("weight", value(data, 1));
                    }
                    if (data.consumeBoolean()) {
                        signal.put("detail", value(data, 1));
                    }
                    rule.put("signal", data.consumeInt(0, 10) == 0 ? value(data, 0) : signal);
                }
                case "route" -> rule.put("route", data.consumeBoolean() ? data.pickValue(new String[] {"forward",
                    "requires_intro", "auto_decline"}) : value(data, 1));
                default -> rule.put(key, value(data, 1));
            }
        }
        return rule;
    }

    private static Map<String, Object> condition(FuzzedDataProvider data) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", data.consumeInt(0, 10) == 0 ? value(data, 1) : data.pickValue(FIELDS));
        condition.put("op", data.consumeInt(0, 10) == 0 ? value(data, 1) : data.pickValue(OPS));
        if (data.consumeInt(0, 5) > 0) {
            condition.put("value", value(data, 0));
        }
        return condition;
    }

    private static Object value(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth > 2 ? 5 : 7)) {
            case 0: return null;
            case 1: return data.consumeString(40);
            case 2: return data.consumeInt();
            case 3: return data.consumeDouble();
            case 4: return data.consumeBoolean();
            case 5: return data.consumeLong();
            case 6: {
                List<Object> list = new ArrayList<>();
                int n = data.consumeInt(0, 3);
                for (int i = 0; i < n; i++) {
                    list.add(value(data, depth + 1));
                }
                return list;
            }
            default: {
                Map<Object, Object> map = new LinkedHashMap<>();
                int n = data.consumeInt(0, 3);
                for (int i = 0; i < n; i++) {
                    map.put(data.consumeString(10), value(data, depth + 1));
                }
                return map;
            }
        }
    }
}
