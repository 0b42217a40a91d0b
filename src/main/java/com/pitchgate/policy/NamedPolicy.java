package com.pitchgate.policy;

import com.pitchgate.plugin.PolicyType;
import com.pitchgate.policy.rules.RulesPolicy;
import com.pitchgate.spi.Policy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A policy in the chain, with what the server keeps about it: where it came from, its time budget,
 * and how it has been behaving.
 */
public final class NamedPolicy {

    private final String name;
    private final PolicyType type;
    private final Policy policy;
    private final Duration timeout;
    /** Decided once: the policy is initialised before it is named, and its rules do not change after. */
    private final boolean runsInline;
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private volatile String lastFailure = "";

    public NamedPolicy(String name, PolicyType type, Policy policy, Duration timeout) {
        this.name = name;
        this.type = type;
        this.policy = policy;
        this.timeout = timeout;
        this.runsInline = type.runsInline() || policy instanceof RulesPolicy rules && rules.runsNoPattern();
    }

    public String name() {
        return name;
    }

    public PolicyType type() {
        return type;
    }

    public Policy policy() {
        return policy;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Whether the chain runs this policy in the screening thread (see {@link PolicyType#runsInline()}).
     * The rules policy whose rules hold no regular expression ({@code matches}), as in the shipped
     * config.yml, runs nothing that could hang: handing each pitch to its pool and back for a few word
     * look-ups took 2 % of the server's CPU (docs/benchmarks.md).
     */
    boolean runsInline() {
        return runsInline;
    }

    void succeeded() {
        evaluations.incrementAndGet();
        consecutiveFailures.set(0);
    }

    void failed(String why) {
        evaluations.incrementAndGet();
        failures.incrementAndGet();
        consecutiveFailures.incrementAndGet();
        lastFailure = why;
    }

    public long evaluations() {
        return evaluations.get();
    }

    public long failures() {
        return failures.get();
    }

    public long consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public String lastFailure() {
        return lastFailure;
    }
}
