package com.pitchgate.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Raw pitches and their processing state. */
@RegisterConstructorMapper(StoredPitch.class)
@RegisterConstructorMapper(PitchRef.class)
public interface PitchDao {

    String STORED_COLUMNS = "id, space_id, channel, raw, content_hash, message_id, received_at, state, attempts";

    /** Inserts unless the same content or Message-ID is already stored; empty on such a duplicate. */
    @SqlQuery("INSERT INTO pitches (space_id, channel, raw, content_hash, message_id, received_at, state)"
            + " VALUES (:spaceId, :channel, :raw, :contentHash, :messageId, :receivedAt, 'received')"
            + " ON CONFLICT DO NOTHING RETURNING id")
    Optional<Long> insertIfNew(@Bind("spaceId") String spaceId, @Bind("channel") String channel,
            @Bind("raw") byte[] raw, @Bind("contentHash") String contentHash,
            @Bind("messageId") String messageId, @Bind("receivedAt") long receivedAt);

    @SqlQuery("SELECT id, state FROM pitches WHERE space_id = :spaceId AND message_id = :messageId")
    Optional<PitchRef> findByMessageId(@Bind("spaceId") String spaceId, @Bind("messageId") String messageId);

    @SqlQuery("SELECT id, state FROM pitches WHERE space_id = :spaceId AND content_hash = :contentHash")
    Optional<PitchRef> findByHash(@Bind("spaceId") String spaceId, @Bind("contentHash") String contentHash);

    @SqlQuery("SELECT " + STORED_COLUMNS + " FROM pitches WHERE id = :id")
    Optional<StoredPitch> find(@Bind("id") long id);

    /**
     * Takes a pitch for processing: only one processor at a time holds it, until it is decided or
     * its lease runs out.
     */
    @SqlUpdate("UPDATE pitches SET state = 'processing', lease_until = :leaseUntil, attempts = attempts + 1"
            + " WHERE id = :id AND (state = 'received' OR (state = 'processing' AND lease_until < :now))")
    int claim(@Bind("id") long id, @Bind("now") long now, @Bind("leaseUntil") long leaseUntil);

    @SqlUpdate("UPDATE pitches SET state = 'received', lease_until = NULL, last_error = :error WHERE id = :id AND state = 'processing'")
    int release(@Bind("id") long id, @Bind("error") String error);

    @SqlUpdate("UPDATE pitches SET state = 'decided', lease_until = NULL WHERE id = :id")
    int markDecided(@Bind("id") long id);

    /** Pitches stored but not decided: never processed, failed, or abandoned by a crash. */
    @SqlQuery("SELECT id FROM pitches WHERE (state = 'received' OR (state = 'processing' AND lease_until < :now))"
            + " AND id > :afterId ORDER BY id LIMIT :limit")
    List<Long> undecided(@Bind("now") long now, @Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM pitches WHERE state <> 'decided'")
    long countUndecided();

}
