package com.pitchgate.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

class RulesPolicyTest {

    private static final Pitch PITCH = Pitches.withEverythingRulesRead();

    static Stream<Arguments> matchingConditions() {
        return Stream.of(
                cond("sender", "equals", "CEO@blockchain-wins.example"),
                cond("sender", "not_equals", "someone@else.example"),
                cond("domain", "ends_with", "wins.example"),
                cond("domain", "starts_with", "blockchain"),
                cond("organisation", "in", List.of("other.example", "blockchain-wins.example")),
                cond("organisation", "not_in", List.of("other.example")),
                cond("language", "equals", "en"),
                cond("subject", "contains", "nft"),
                cond("subject", "not_contains", "invoice"),
                cond("body", "matches", "crypto\\s+wallets?"),
                cond("text", "contains", "tokenomics"),
                cond("channel", "equals", "email"),
                cond("kind", "in", List.of("offer", "bulk")),
                cond("header:X-Mailer", "contains", "lemlist"),
                cond("header:X-Mailer", "present", null),
                cond("header:List-Unsubscribe", "absent", null),
                cond("words", "contains", "crypto"),
                cond("words", "not_contains", "desk"),
                cond("words", "contains_any", List.of("desk", "nft")),
                cond("words", "contains_all", List.of("crypto", "nft", "wallets")),
                cond("signals", "contains", "vendor_offer"),
                cond("signals", "contains", "inquiry/vendor_offer"),
                cond("intermediaries", "contains", "marie"),
                cond("score", "lt", 0),
                cond("score", "equals", -1),
                cond("fit.space", "lte", 0.05),
                cond("fit.best", "gte", 0.3),
                cond("fit.member:ana", "gt", 0.2),
                cond("attachments", "equals", 1));
    }

    static Stream<Arguments> failingConditions() {
        return Stream.of(
                cond("sender", "equals", "other@blockchain-wins.example"),
                cond("domain", "ends_with", ".org"),
                cond("header:List-Unsubscribe", "present", null),
                cond("header:List-Unsubscribe", "contains", "x"),
                cond("words", "contains_all", List.of("crypto", "desk")),
                cond("signals", "contains", "genuine_inquiry"),
                cond("kind", "equals", "correspondence"),
                cond("score", "gt", 0),
                cond("fit.member:nobody", "gt", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchingConditions")
    void eachOperatorMatches(Map<String, Object> condition) throws PolicyException {
        PolicyOutcome outcome = rules(rule(condition, Map.of("signal", Map.of("name", "hit", "weight", -3)))).evaluate(PITCH, CONTEXT);
        assertThat(outcome.signals()).extracting(Signal::name).containsExactly("hit");
        assertThat(outcome.signals().get(0).weight()).isEqualTo(-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingConditions")
    void eachOperatorCanFail(Map<String, Object> condition) throws PolicyException {
        PolicyOutcome outcome = rules(rule(condition, Map.of("signal", Map.of("name", "hit", "weight", -3)))).evaluate(PITCH, CONTEXT);
        assertThat(outcome.signals()).isEmpty();
    }

    @Test
    void allConditionsMustHoldAndTheFirstRouteWins() throws PolicyException {
        RulesPolicy policy = rules(
                Map.of("name", "both", "when", List.of(Map.of("field", "language", "op", "equals", "value", "en"),
                        Map.of("field", "domain", "op", "equals", "value", "nope.example")), "route", "forward"),
                Map.of("name", "crypto", "when", List.of(Map.of("field", "words", "op", "contains", "value", "crypto")),
                        "route", "auto_decline"),
                Map.of("name", "later", "when", List.of(Map.of("field", "language", "op", "equals", "value", "en")),
                        "route", "forward"));
        PolicyOutcome outcome = policy.evaluate(PITCH, CONTEXT);
        assertThat(outcome.verdict()).hasValueSatisfying(v -> {
            assertThat(v.queue()).isEqualTo(Queue.AUTO_DECLINE);
            assertThat(v.signal()).isEqualTo("crypto");
            assertThat(v.detail()).contains("words contains crypto");
        });
    }

    static Stream<Arguments> invalidRules() {
        Map<String, Object> ok = Map.of("field", "language", "op", "equals", "value", "en");
        Map<String, Object> signal = Map.of("name", "s", "weight", 1);
        return Stream.of(
                Arguments.of("not a mapping", "just text", "rules[0]: expected a mapping"),
                Arguments.of("no conditions", Map.of("signal", signal), "rules[0]: 'when' must be a non-empty list"),
                Arguments.of("empty conditions", Map.of("when", List.of(), "signal", signal), "'when' must be a non-empty list"),
                Arguments.of("unknown rule key", Map.of("when", List.of(ok), "signal", signal, "priority", 1), "unknown key 'priority'"),
                Arguments.of("neither action", Map.of("when", List.of(ok)), "exactly one of 'signal'"),
                Arguments.of("both actions", Map.of("when", List.of(ok), "signal", signal, "route", "forward"), "exactly one of 'signal'"),
                Arguments.of("unknown route", Map.of("when", List.of(ok), "route", "spam"), "unknown route 'spam'"),
                Arguments.of("weight not a number", Map.of("when", List.of(ok), "signal", Map.of("name", "s", "weight", "heavy")), "'weight' must be a number"),
                Arguments.of("weight out of range", Map.of("when", List.of(ok), "signal", Map.of("name", "s", "weight", 500)), "between -50 and 50"),
                Arguments.of("bad signal name", Map.of("when", List.of(ok), "signal", Map.of("name", "Big Signal", "weight", 1)), "signal name 'Big Signal'"),
                Arguments.of("unknown field", Map.of("when", List.of(Map.of("field", "mood", "op", "equals", "value", "x")), "signal", signal), "rules[0].when[0]: unknown field 'mood'"),
                Arguments.of("missing op", Map.of("when", List.of(Map.of("field", "language", "value", "x")), "signal", signal), "'op' is required"),
                Arguments.of("unknown op", Map.of("when", List.of(Map.of("field", "language", "op", "resembles", "value", "x")), "signal", signal), "operator 'resembles' does not apply"),
                Arguments.of("op for another type", Map.of("when", List.of(Map.of("field", "sender", "op", "gt", "value", 3)), "signal", signal), "operator 'gt' does not apply to field 'sender'"),
                Arguments.of("missing value", Map.of("when", List.of(Map.of("field", "sender", "op", "equals")), "signal", signal), "needs a 'value'"),
                Arguments.of("number expected", Map.of("when", List.of(Map.of("field", "score", "op", "gt", "value", "high")), "signal", signal), "needs a number"),
                Arguments.of("list expected", Map.of("when", List.of(Map.of("field", "domain", "op", "in", "value", "x.example")), "signal", signal), "must be a non-empty list"),
                Arguments.of("single value expected", Map.of("when", List.of(Map.of("field", "domain", "op", "equals", "value", List.of("a"))), "signal", signal), "takes a single text value"),
                Arguments.of("bad regex", Map.of("when", List.of(Map.of("field", "body", "op", "matches", "value", "(unclosed")), "signal", signal), "invalid regular expression"),
                Arguments.of("unknown condition key", Map.of("when", List.of(Map.of("field", "body", "op", "contains", "value", "x", "case", "upper")), "signal", signal), "unknown key 'case'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRules")
    void invalidRulesAreRefusedWithTheirIndexAndReason(String kind, Object rule, String message) {
        assertThatThrownBy(() -> rules(rule)).isInstanceOf(PolicyException.class).hasMessageContaining(message)
                .hasMessageStartingWith("rules[0]");
    }

    @Test
    void theIndexIsThatOfTheBadRule() {
        Map<String, Object> good = Map.of("when", List.of(Map.of("field", "language", "op", "equals", "value", "en")),
                "route", "forward");
        assertThatThrownBy(() -> rules(good, good, Map.of("when", List.of(), "route", "forward")))
                .hasMessageStartingWith("rules[2]");
    }

    private static RulesPolicy rules(Object... specs) throws PolicyException {
        RulesPolicy policy = new RulesPolicy();
        policy.init(new PolicyConfig("rules", Map.of("rules", List.of(specs))));
        return policy;
    }

    private static Map<String, Object> rule(Map<String, Object> condition, Map<String, Object> action) {
        Map<String, Object> rule = new java.util.HashMap<>(action);
        rule.put("name", "r");
        rule.put("when", List.of(condition));
        return rule;
    }

    private static Arguments cond(String field, String op, Object value) {
        Map<String, Object> condition = new java.util.LinkedHashMap<>();
        condition.put("field", field);
        condition.put("op", op);
        if (value != null) {
            condition.put("value", value);
        }
        return Arguments.of(condition);
    }

    private static final ScreeningContext CONTEXT = Pitches.context(Pitches.space(List.of(), List.of()),
            List.of(new RaisedSignal("inquiry", new Signal("vendor_offer", -1, ""))));
}
