package com.pitchgate.policy.rules;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Declarative rules for admins who do not write Java: the {@code rules:} list of {@code config.yml},
 * evaluated as one more policy. Every matching rule raises its signal; the first matching rule with
 * a route gives the verdict.
 */
@PolicyInfo(name = "rules", description = "The declarative rules listed under rules: in config.yml.")
public final class RulesPolicy implements Policy {

    private List<Rule> rules = List.of();
    /** The words any rule looks for: only these are picked out of a pitch's text. */
    private RuleSubject.Vocabulary vocabulary = RuleSubject.Vocabulary.NONE;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        if (!config.has("rules")) {
            return;
        }
        Object specs = config.settings().get("rules");
        if (!(specs instanceof List<?> list)) {
            throw config.invalid("rules", "must be a list of rules");
        }
        try {
            rules = RuleCompiler.compile(list);
            vocabulary = RuleSubject.Vocabulary.of(rules.stream().flatMap(rule -> rule.conditions().stream())
                    .flatMap(condition -> condition.wordsAsked().stream()).collect(Collectors.toSet()));
        } catch (InvalidRuleException e) {
            throw new PolicyException(e.getMessage(), e);
        }
    }

    /**
     * Whether no condition of these rules runs a regular expression: then every rule takes time in
     * proportion to the pitch's text, and none needs a time budget of its own.
     */
    public boolean runsNoPattern() {
        return rules.stream().flatMap(rule -> rule.conditions().stream()).noneMatch(Condition::runsPattern);
    }

    /** Each rule's signal, as the admin wrote it: its detail is what the rule checks. */
    @Override
    public List<Signal> signals() {
        return rules.stream().filter(rule -> rule.signal().isPresent())
                .map(rule -> new Signal(rule.signal().get().name(), rule.signal().get().weight(), rule.describe())).toList();
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        RuleSubject subject = new RuleSubject(pitch, context, vocabulary);
        List<Signal> signals = new ArrayList<>();
        Optional<Verdict> verdict = Optional.empty();
        for (Rule rule : rules) {
            if (!rule.matches(subject)) {
                continue;
            }
            if (rule.signal().isPresent()) {
                Signal signal = rule.signal().get();
                String detail = signal.detail().isBlank() ? rule.describe() : signal.detail();
                signals.add(new Signal(signal.name(), signal.weight(), detail));
            } else if (verdict.isEmpty()) {
                verdict = Optional.of(new Verdict(rule.route().orElseThrow(), rule.name(), rule.describe()));
            }
        }
        return new PolicyOutcome(signals, verdict);
    }

}
