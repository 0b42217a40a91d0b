package com.pitchgate.api;

import com.pitchgate.access.ApiKeyStore;
import java.time.Instant;

/** A key as listed: never the key itself. */
public record KeyView(long id, String space, String name, String role, String member, Instant createdAt, Instant revokedAt) {
    public static KeyView of(ApiKeyStore.StoredKey row) {
        return new KeyView(row.id(), row.spaceId(), row.name(), row.role(), row.memberId(),
                Instant.ofEpochMilli(row.createdAt()), row.revokedAt() == null ? null : Instant.ofEpochMilli(row.revokedAt()));
    }
}
