package com.pitchgate.policy.rules;

import java.util.function.Predicate;

/** One compiled condition of a rule, with its source text for reasons. */
record Condition(String text, Predicate<RuleSubject> predicate) {
    boolean test(RuleSubject subject) {
        return predicate.test(subject);
    }
}
