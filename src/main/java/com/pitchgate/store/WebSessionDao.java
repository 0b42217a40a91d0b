package com.pitchgate.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Sign-in sessions of the review pages, by the SHA-256 of their cookie. Kept in the store rather
 * than in memory so that they hold across a restart and across instances sharing a database.
 */
@RegisterConstructorMapper(WebSessionDao.SessionRow.class)
public interface WebSessionDao {

    @SqlUpdate("INSERT INTO web_sessions (token_hash, space_id, actor, role, csrf, created_at, expires_at)"
            + " VALUES (:tokenHash, :spaceId, :actor, :role, :csrf, :createdAt, :expiresAt)")
    void insert(@BindMethods SessionRow session);

    @SqlQuery("SELECT * FROM web_sessions WHERE token_hash = :hash AND expires_at > :now")
    Optional<SessionRow> find(@Bind("hash") String tokenHash, @Bind("now") long now);

    @SqlUpdate("DELETE FROM web_sessions WHERE token_hash = :hash")
    int delete(@Bind("hash") String tokenHash);

    @SqlUpdate("DELETE FROM web_sessions WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") long now);

    /** One session; {@code csrf} is the token every form of the session must send back. */
    record SessionRow(String tokenHash, String spaceId, String actor, String role, String csrf, long createdAt,
            long expiresAt) {
    }
}
