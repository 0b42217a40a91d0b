package com.pitchgate.store;

import com.pitchgate.access.ApiKeyStore.StoredKey;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API keys, by their hash; the keys themselves are never stored. */
@RegisterConstructorMapper(StoredKey.class)
public interface ApiKeyDao {

    @SqlQuery("INSERT INTO api_keys (space_id, name, role, member_id, key_hash, created_at)"
            + " VALUES (:spaceId, :name, :role, :memberId, :hash, :now) RETURNING id")
    long insert(@Bind("spaceId") String spaceId, @Bind("name") String name, @Bind("role") String role,
            @Bind("memberId") String memberId, @Bind("hash") String hash, @Bind("now") long now);

    @SqlQuery("SELECT id, space_id, name, role, member_id, created_at, revoked_at FROM api_keys"
            + " WHERE key_hash = :hash AND revoked_at IS NULL")
    Optional<StoredKey> byHash(@Bind("hash") String hash);

    @SqlQuery("SELECT id, space_id, name, role, member_id, created_at, revoked_at FROM api_keys"
            + " WHERE space_id = :spaceId ORDER BY id")
    List<StoredKey> forSpace(@Bind("spaceId") String spaceId);

    @SqlUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND space_id = :spaceId AND revoked_at IS NULL")
    int revoke(@Bind("spaceId") String spaceId, @Bind("id") long id, @Bind("now") long now);
}
