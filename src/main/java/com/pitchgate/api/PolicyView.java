package com.pitchgate.api;

import java.util.List;

/**
 * One policy in the chain.
 *
 * @param policy the policy it runs (differs from {@code name} when the entry has {@code use:})
 * @param origin {@code built-in}, or the plugin file it came from
 */
public record PolicyView(int order, String name, String policy, String origin, String version, String description,
        long timeoutMillis, long evaluations, long failures, long consecutiveFailures, String lastFailure,
        List<SignalView> signals) {
}
