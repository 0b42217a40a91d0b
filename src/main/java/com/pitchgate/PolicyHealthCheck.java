package com.pitchgate;

import com.codahale.metrics.health.HealthCheck;
import com.pitchgate.policy.NamedPolicy;
import com.pitchgate.policy.PolicyChain;
import com.pitchgate.policy.SpaceChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Unhealthy while a policy keeps failing (throwing, running past its time budget, or answering
 * nonsense): its pitches are still decided, but without what it would have said.
 */
final class PolicyHealthCheck extends HealthCheck {

    private final SpaceChains chains;
    private final int unhealthyAfter;

    PolicyHealthCheck(SpaceChains chains, int unhealthyAfter) {
        this.chains = chains;
        this.unhealthyAfter = unhealthyAfter;
    }

    @Override
    protected Result check() {
        List<String> failing = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, PolicyChain> chain : chains.all().entrySet()) {
            String where = chain.getKey().equals("*") ? "" : " in space " + chain.getKey();
            for (NamedPolicy p : chain.getValue().policies()) {
                count++;
                if (p.consecutiveFailures() >= unhealthyAfter) {
                    failing.add(p.name() + " (" + p.type().origin() + ")" + where + " failed " + p.consecutiveFailures()
                            + " times in a row, last: " + p.lastFailure());
                }
            }
        }
        if (!failing.isEmpty()) {
            return Result.unhealthy(String.join("; ", failing));
        }
        return Result.healthy(count + " policies in " + chains.all().size() + " chain(s), none failing");
    }
}
