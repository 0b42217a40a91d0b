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
@RegisterConstructorMapper(ClaimedPitch.class)
public interface PitchDao {

    /** A stored pitch, from pitches p joined with its raw message r (kept apart: it is written once, never updated). */
    String STORED_COLUMNS = "p.id, p.space_id, p.channel, r.raw, p.content_hash, p.message_id, p.received_at, p.state, p.attempts";
    String STORED = "pitches p JOIN pitch_raw r ON r.pitch_id = p.id";

    /** What a claim returns: the raw message's size, not the message (see {@link ClaimedPitch}). */
    String CLAIMED_COLUMNS = "id, attempts, (SELECT length(raw) FROM pitch_raw WHERE pitch_id = pitches.id) AS raw_bytes";

    /** Stored but not decided: never processed, failed, or abandoned by a crash (its lease ran out). */
    String CLAIMABLE = "(state = 'received' OR (state = 'processing' AND lease_until < :now))";

    /**
     * Inserts unless the same Message-ID, or for a pitch without one the same content, is already
     * stored; no row on such a duplicate.
     */
    String INSERT_IF_NEW = "INSERT INTO pitches (space_id, channel, content_hash, message_id, received_at, state, attempts,"
            + " lease_until) VALUES (:spaceId, :channel, :contentHash, :messageId, :receivedAt, :state, :attempts,"
            + " :leaseUntil) ON CONFLICT DO NOTHING RETURNING id";

    /** The raw message of a pitch just inserted, in the same transaction. */
    String INSERT_RAW = "INSERT INTO pitch_raw (pitch_id, raw) VALUES (:id, :raw)";

    /** Screening's receiving runs these through {@link PreparedWrites}; tests and tools through here. */
    @SqlQuery(INSERT_IF_NEW)
    Optional<Long> insertIfNew(@Bind("spaceId") String spaceId, @Bind("channel") String channel,
            @Bind("contentHash") String contentHash, @Bind("messageId") String messageId,
            @Bind("receivedAt") long receivedAt, @Bind("state") String state, @Bind("attempts") int attempts,
            @Bind("leaseUntil") Long leaseUntil);

    @SqlUpdate(INSERT_RAW)
    void insertRaw(@Bind("id") long id, @Bind("raw") byte[] raw);

    @SqlQuery("SELECT " + STORED_COLUMNS + " FROM " + STORED + " WHERE p.id = :id")
    Optional<StoredPitch> find(@Bind("id") long id);

    /**
     * Takes a pitch for processing: only one processor at a time holds it, until it is decided or
     * its lease runs out. Each claim counts an attempt; the attempt number is the claim's token.
     */
    @SqlUpdate("UPDATE pitches SET state = 'processing', lease_until = :leaseUntil, attempts = attempts + 1"
            + " WHERE id = :id AND " + CLAIMABLE)
    int claim(@Bind("id") long id, @Bind("now") long now, @Bind("leaseUntil") long leaseUntil);

    /**
     * Claims the next claimable pitches after {@code afterId}, on PostgreSQL. Rows another instance
     * is claiming at this moment are skipped rather than waited for, so instances sharing the
     * database take different pitches instead of queueing behind each other.
     */
    @SqlQuery("WITH claimable AS (SELECT id FROM pitches WHERE " + CLAIMABLE + " AND id > :afterId"
            + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)"
            + " UPDATE pitches SET state = 'processing', lease_until = :leaseUntil, attempts = attempts + 1"
            + " WHERE id IN (SELECT id FROM claimable) RETURNING " + CLAIMED_COLUMNS)
    List<ClaimedPitch> claimBatchSkippingLocked(@Bind("now") long now, @Bind("leaseUntil") long leaseUntil,
            @Bind("afterId") long afterId, @Bind("limit") int limit);

    /**
     * The same claim on SQLite, which has no row locks: its write transactions (BEGIN IMMEDIATE,
     * see config.yml) already run one at a time, so no two processors can claim the same row.
     */
    @SqlQuery("UPDATE pitches SET state = 'processing', lease_until = :leaseUntil, attempts = attempts + 1"
            + " WHERE id IN (SELECT id FROM pitches WHERE " + CLAIMABLE + " AND id > :afterId ORDER BY id LIMIT :limit)"
            + " RETURNING " + CLAIMED_COLUMNS)
    List<ClaimedPitch> claimBatch(@Bind("now") long now, @Bind("leaseUntil") long leaseUntil,
            @Bind("afterId") long afterId, @Bind("limit") int limit);

    /**
     * Gives a failed pitch back, so that recovery takes it up again; only while this claim still
     * holds it (a slow processor whose lease ran out must not free another processor's claim).
     */
    @SqlUpdate("UPDATE pitches SET state = 'received', lease_until = NULL, last_error = :error"
            + " WHERE id = :id AND state = 'processing' AND attempts = :attempt")
    int release(@Bind("id") long id, @Bind("attempt") int attempt, @Bind("error") String error);

    /** Gives back a claim that was never worked on: it does not count as an attempt. */
    @SqlUpdate("UPDATE pitches SET state = 'received', lease_until = NULL, attempts = attempts - 1"
            + " WHERE id = :id AND state = 'processing' AND attempts = :attempt")
    int unclaim(@Bind("id") long id, @Bind("attempt") int attempt);

    @SqlQuery("SELECT count(*) FROM pitches WHERE state <> 'decided'")
    long countUndecided();
}
