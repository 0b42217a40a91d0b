package com.pitchgate.policy.rules;

import com.pitchgate.spi.Queue;
import com.pitchgate.spi.Signal;
import java.util.List;
import java.util.Optional;

/**
 * One compiled rule: when all its conditions hold, it raises its signal or routes the pitch.
 *
 * @param index its place in the {@code rules:} list, for messages
 */
record Rule(int index, String name, List<Condition> conditions, Optional<Signal> signal, Optional<Queue> route) {

    boolean matches(RuleSubject subject) {
        for (Condition condition : conditions) {
            if (!condition.test(subject)) {
                return false;
            }
        }
        return true;
    }

    String describe() {
        return "rule '" + name + "' (" + String.join(" and ", conditions.stream().map(Condition::text).toList()) + ")";
    }
}
