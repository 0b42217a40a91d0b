package com.pitchgate.policy.rules;

/** A rule in {@code config.yml} that cannot be used; the message starts with the rule's index. */
public class InvalidRuleException extends Exception {
    public InvalidRuleException(String message) {
        super(message);
    }
}
