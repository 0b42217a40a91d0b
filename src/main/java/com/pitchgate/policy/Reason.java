package com.pitchgate.policy;

/**
 * Why a pitch went where it went: one signal, with the policy that raised it and its weight.
 *
 * @param decisive true for the verdict that decided the queue
 */
public record Reason(String policy, String signal, double weight, String detail, boolean decisive) {
}
