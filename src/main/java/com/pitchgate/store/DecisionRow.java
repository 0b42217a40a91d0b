package com.pitchgate.store;

/** The {@code decisions} row. {@code targets} and {@code fit} are JSON. */
public record DecisionRow(long pitchId, String spaceId, String queue, String targets, double score, String fit, long decidedAt) {
}
