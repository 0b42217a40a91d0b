package com.pitchgate.policy.rules;

import java.util.Set;
import java.util.function.Predicate;

/**
 * One compiled condition of a rule, with its source text for reasons.
 *
 * @param wordsAsked the words it looks for among the pitch's words, if it reads them
 */
record Condition(String text, Predicate<RuleSubject> predicate, Set<String> wordsAsked) {
    boolean test(RuleSubject subject) {
        return predicate.test(subject);
    }
}
