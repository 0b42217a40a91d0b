package com.pitchgate;

import com.codahale.metrics.health.HealthCheck;
import com.pitchgate.policy.NamedPolicy;
import com.pitchgate.policy.PolicyChain;
import java.util.List;

/**
 * Unhealthy while a policy keeps failing (throwing, running past its time budget, or answering
 * nonsense): its pitches are still decided, but without what it would have said.
 */
final class PolicyHealthCheck extends HealthCheck {

    private final PolicyChain chain;
    private final int unhealthyAfter;

    PolicyHealthCheck(PolicyChain chain, int unhealthyAfter) {
        this.chain = chain;
        this.unhealthyAfter = unhealthyAfter;
    }

    @Override
    protected Result check() {
        List<String> failing = chain.policies().stream()
                .filter(p -> p.consecutiveFailures() >= unhealthyAfter)
                .map(p -> p.name() + " (" + p.type().origin() + ") failed " + p.consecutiveFailures()
                        + " times in a row, last: " + p.lastFailure())
                .toList();
        if (!failing.isEmpty()) {
            return Result.unhealthy(String.join("; ", failing));
        }
        return Result.healthy(chain.policies().size() + " policies, none failing: "
                + String.join(", ", chain.policies().stream().map(NamedPolicy::name).toList()));
    }
}
