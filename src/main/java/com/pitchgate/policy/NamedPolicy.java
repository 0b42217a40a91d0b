package com.pitchgate.policy;

import com.pitchgate.spi.Policy;

/**
 * A policy in the chain.
 *
 * @param origin {@code built-in}, or the jar a plugin came from
 */
public record NamedPolicy(String name, String origin, Policy policy) {
}
