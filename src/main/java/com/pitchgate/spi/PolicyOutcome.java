package com.pitchgate.spi;

import java.util.List;
import java.util.Optional;

/** What one policy says about one pitch: zero or more signals, and at most one verdict. */
public record PolicyOutcome(List<Signal> signals, Optional<Verdict> verdict) {
    private static final PolicyOutcome NOTHING = new PolicyOutcome(List.of(), Optional.empty());

    public PolicyOutcome {
        signals = signals == null ? List.of() : List.copyOf(signals);
        verdict = verdict == null ? Optional.empty() : verdict;
    }

    /** The policy has nothing to say about this pitch. */
    public static PolicyOutcome nothing() {
        return NOTHING;
    }

    public static PolicyOutcome of(Signal... signals) {
        return new PolicyOutcome(List.of(signals), Optional.empty());
    }

    public static PolicyOutcome of(List<Signal> signals) {
        return new PolicyOutcome(signals, Optional.empty());
    }

    public static PolicyOutcome decide(Verdict verdict, Signal... signals) {
        return new PolicyOutcome(List.of(signals), Optional.of(verdict));
    }
}
