package com.pitchgate.access;

import java.util.List;
import java.util.Optional;

/**
 * The API keys made with {@code new-key} or the API, by their hash: the keys themselves are never
 * kept. Access owns this and the store implements it.
 */
public interface ApiKeyStore {

    /** A key as listed: everything but its hash. */
    record StoredKey(long id, String spaceId, String name, String role, String memberId, long createdAt, Long revokedAt) {
    }

    /** Keeps a new key's hash; returns the key's id. */
    long add(String spaceId, String name, String role, String memberId, String hash, long now);

    /** The key with this hash, unless it was revoked. */
    Optional<StoredKey> byHash(String hash);

    /** The keys of a space, revoked ones too, oldest first. */
    List<StoredKey> forSpace(String spaceId);

    /** Revokes a space's active key; false when the space has no such active key. */
    boolean revoke(String spaceId, long id, long now);
}
