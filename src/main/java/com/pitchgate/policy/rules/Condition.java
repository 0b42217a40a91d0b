package com.pitchgate.policy.rules;

import java.util.Set;
import java.util.function.Predicate;

/**
 * One compiled condition of a rule, with its source text for reasons.
 *
 * @param wordsAsked the words it looks for among the pitch's words, if it reads them
 * @param runsPattern whether it runs a regular expression the admin wrote ({@code matches}), which may
 *                    take any time; the other operators take time in proportion to the text
 */
record Condition(String text, Predicate<RuleSubject> predicate, Set<String> wordsAsked, boolean runsPattern) {
    boolean test(RuleSubject subject) {
        return predicate.test(subject);
    }
}
