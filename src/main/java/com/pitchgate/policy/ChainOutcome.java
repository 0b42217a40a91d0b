package com.pitchgate.policy;

import com.pitchgate.spi.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * What the whole chain said: every signal raised, with its policy and effective weight, and the
 * verdict that decides, if any policy gave one.
 */
public record ChainOutcome(List<Reason> signals, Optional<DecidingVerdict> verdict) {
    public ChainOutcome {
        signals = List.copyOf(signals);
    }

    public double score() {
        return signals.stream().mapToDouble(Reason::weight).sum();
    }

    /** The first verdict in chain order, and the policy that gave it. */
    public record DecidingVerdict(String policy, Verdict verdict) {
    }
}
