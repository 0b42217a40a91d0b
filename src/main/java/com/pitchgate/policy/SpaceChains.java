package com.pitchgate.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy chain of each space: its own when its configuration lists {@code policies:} or
 * {@code rules:}, the server's otherwise.
 */
public final class SpaceChains {

    private final PolicyChain shared;
    private final Map<String, PolicyChain> own;

    public SpaceChains(PolicyChain shared, Map<String, PolicyChain> own) {
        this.shared = shared;
        this.own = Map.copyOf(own);
    }

    public PolicyChain forSpace(String spaceId) {
        return own.getOrDefault(spaceId, shared);
    }

    /** Every chain, the shared one first, by the spaces that use them ({@code *} for the shared one). */
    public Map<String, PolicyChain> all() {
        Map<String, PolicyChain> all = new LinkedHashMap<>();
        all.put("*", shared);
        all.putAll(own);
        return all;
    }

    public void stop() {
        List<PolicyChain> chains = new ArrayList<>(own.values());
        chains.add(shared);
        chains.forEach(PolicyChain::stop);
    }
}
