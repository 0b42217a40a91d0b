package com.pitchgate.api;

/**
 * A signal a policy declares.
 *
 * @param defaultWeight the weight the policy declares
 * @param weight        the weight in force: {@code routing.weights} may change it
 */
public record SignalView(String name, double defaultWeight, double weight, String description) {
}
