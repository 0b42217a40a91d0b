package com.pitchgate.crm;

/** The {@code contacts} row. */
public record ContactRow(long id, String spaceId, String email, String name, String organisation, boolean known,
        long firstSeen, long lastSeen) {
}
