package com.pitchgate.store;

import com.pitchgate.access.ApiKeyStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The API keys in the {@code api_keys} table. */
public final class StoredApiKeys implements ApiKeyStore {

    private final Jdbi jdbi;

    public StoredApiKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long add(String spaceId, String name, String role, String memberId, String hash, long now) {
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.insert(spaceId, name, role, memberId, hash, now));
    }

    @Override
    public Optional<StoredKey> byHash(String hash) {
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.byHash(hash));
    }

    @Override
    public List<StoredKey> forSpace(String spaceId) {
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.forSpace(spaceId));
    }

    @Override
    public boolean revoke(String spaceId, long id, long now) {
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.revoke(spaceId, id, now)) > 0;
    }
}
