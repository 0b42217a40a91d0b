package com.pitchgate.crm;

/** The {@code overrides} row: a person moved a pitch from one queue to another. */
public record OverrideRow(long pitchId, String spaceId, String fromQueue, String toQueue, String actor, String note,
        long createdAt) {
}
