package com.pitchgate.api;

import com.pitchgate.crm.DeclineRow;
import java.time.Instant;

/** A "no" that stands: to whom, since when, until when, and the pitch that earned it (if any). */
public record DeclineView(long id, String scope, String value, Long pitchId, Instant declinedAt, Instant expiresAt) {
    public static DeclineView of(DeclineRow row) {
        return new DeclineView(row.id(), row.scope(), row.value(), row.pitchId(), Instant.ofEpochMilli(row.declinedAt()),
                Instant.ofEpochMilli(row.expiresAt()));
    }
}
