package com.pitchgate.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Messages waiting to be sent, and those sent. */
@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {

    /** Also run by screening, through {@link PreparedWrites}. */
    String ENQUEUE = "INSERT INTO outbox (space_id, pitch_id, kind, recipients, reply_to_sender, raw, state, attempts,"
            + " next_attempt_at, created_at) VALUES (:spaceId, :pitchId, :kind, :recipients, :replyToSender, :raw,"
            + " 'pending', 0, :now, :now)";

    @SqlUpdate(ENQUEUE)
    void enqueue(@Bind("spaceId") String spaceId, @Bind("pitchId") long pitchId, @Bind("kind") String kind,
            @Bind("recipients") String recipients, @Bind("replyToSender") String replyToSender, @Bind("raw") byte[] raw,
            @Bind("now") long now);

    @SqlQuery("SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit")
    List<OutboxRow> due(@Bind("now") long now, @Bind("limit") int limit);

    /** Takes a due message for one sending attempt; other instances skip it until {@code until}. */
    @SqlUpdate("UPDATE outbox SET next_attempt_at = :until WHERE id = :id AND state = 'pending' AND next_attempt_at <= :now")
    int claim(@Bind("id") long id, @Bind("now") long now, @Bind("until") long until);

    @SqlUpdate("UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = :now, last_error = NULL WHERE id = :id")
    void markSent(@Bind("id") long id, @Bind("now") long now);

    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,"
            + " state = CASE WHEN attempts + 1 >= :maxAttempts THEN 'failed' ELSE 'pending' END WHERE id = :id")
    void markFailed(@Bind("id") long id, @Bind("error") String error, @Bind("next") long nextAttemptAt,
            @Bind("maxAttempts") int maxAttempts);

    @SqlQuery("SELECT * FROM outbox WHERE pitch_id = :pitchId ORDER BY id")
    List<OutboxRow> forPitch(@Bind("pitchId") long pitchId);

    @SqlQuery("SELECT count(*) FROM outbox WHERE space_id = :spaceId AND reply_to_sender = :sender AND created_at > :since")
    long repliesSince(@Bind("spaceId") String spaceId, @Bind("sender") String sender, @Bind("since") long since);

    @SqlQuery("SELECT count(*) FROM outbox WHERE state = :state")
    long count(@Bind("state") String state);
}
