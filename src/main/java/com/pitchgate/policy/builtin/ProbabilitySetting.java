package com.pitchgate.policy.builtin;

import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;

/** A policy setting that is a probability of the message kind: a number between 0 and 1. */
final class ProbabilitySetting {

    private ProbabilitySetting() {
    }

    static double read(PolicyConfig config, String key, double fallback) throws PolicyException {
        double value = config.number(key, fallback);
        if (value < 0 || value > 1) {
            throw new PolicyException("policy " + config.name() + ": " + key + " must be between 0 and 1, not " + value);
        }
        return value;
    }
}
