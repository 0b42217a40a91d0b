package com.pitchgate.store;

import com.pitchgate.crm.OverrideRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What processing made of a pitch: its extracted content, decision and reasons. */
@RegisterConstructorMapper(ContentRow.class)
@RegisterConstructorMapper(AttachmentRow.class)
@RegisterConstructorMapper(DecisionRow.class)
@RegisterConstructorMapper(ReasonRow.class)
@RegisterConstructorMapper(QueueRow.class)
@RegisterConstructorMapper(OverrideRow.class)
@RegisterConstructorMapper(DecisionDao.ExportRow.class)
public interface DecisionDao {

    /** Also run by screening, through {@link PreparedWrites}. */
    String INSERT_REASON = "INSERT INTO reasons (pitch_id, ordinal, policy, signal, weight, detail, decisive)"
            + " VALUES (:pitchId, :ordinal, :policy, :signal, :weight, :detail, :decisive)";

    @SqlBatch(INSERT_REASON)
    void insertReasons(@BindMethods List<ReasonRow> reasons);

    @SqlQuery("SELECT * FROM pitch_content WHERE pitch_id = :id")
    Optional<ContentRow> content(@Bind("id") long pitchId);

    @SqlQuery("SELECT * FROM attachments WHERE pitch_id = :id ORDER BY ordinal")
    List<AttachmentRow> attachments(@Bind("id") long pitchId);

    /** Also run to answer a resent message, through {@link PitchStore#answer}. */
    String DECISION = "SELECT * FROM decisions WHERE pitch_id = :id";
    /** Also run to answer a resent message, through {@link PitchStore#answer}. */
    String REASONS = "SELECT * FROM reasons WHERE pitch_id = :id ORDER BY ordinal";

    @SqlQuery(DECISION)
    Optional<DecisionRow> decision(@Bind("id") long pitchId);

    @SqlQuery(REASONS)
    List<ReasonRow> reasons(@Bind("id") long pitchId);

    @SqlQuery("SELECT d.pitch_id, c.sender_email, c.sender_name, c.organisation, c.subject, c.language, d.score,"
            + " d.targets, p.received_at, d.decided_at FROM decisions d"
            + " JOIN pitch_content c ON c.pitch_id = d.pitch_id JOIN pitches p ON p.id = d.pitch_id"
            + " WHERE d.space_id = :spaceId AND d.queue = :queue AND d.targets LIKE :target"
            + " ORDER BY d.pitch_id DESC LIMIT :limit OFFSET :offset")
    List<QueueRow> queue(@Bind("spaceId") String spaceId, @Bind("queue") String queue, @Bind("target") String target,
            @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM decisions WHERE space_id = :spaceId AND queue = :queue AND targets LIKE :target")
    long queueSize(@Bind("spaceId") String spaceId, @Bind("queue") String queue, @Bind("target") String target);

    /** Decisions for export, in pitch order, a page at a time (keyset: after {@code afterId}). */
    @SqlQuery("SELECT d.pitch_id, p.received_at, c.sender_email, c.sender_name, c.organisation, c.subject, c.language,"
            + " d.queue, d.targets, d.score, d.decided_at,"
            + " (SELECT count(*) FROM overrides o WHERE o.pitch_id = d.pitch_id) AS overrides"
            + " FROM decisions d JOIN pitch_content c ON c.pitch_id = d.pitch_id JOIN pitches p ON p.id = d.pitch_id"
            + " WHERE d.space_id = :spaceId AND d.pitch_id > :afterId ORDER BY d.pitch_id LIMIT :limit")
    List<ExportRow> export(@Bind("spaceId") String spaceId, @Bind("afterId") long afterId, @Bind("limit") int limit);

    /** One decision as exported to CSV. */
    record ExportRow(long pitchId, long receivedAt, String senderEmail, String senderName, String organisation,
            String subject, String language, String queue, String targets, double score, long decidedAt, long overrides) {
    }

    @SqlUpdate("UPDATE decisions SET queue = :queue, targets = :targets WHERE pitch_id = :id")
    int changeQueue(@Bind("id") long pitchId, @Bind("queue") String queue, @Bind("targets") String targets);

    /** A correction decides now: the reasons that decided before no longer do. */
    @SqlUpdate("UPDATE reasons SET decisive = false WHERE pitch_id = :id")
    void clearDecisive(@Bind("id") long pitchId);

    @SqlQuery("SELECT coalesce(max(ordinal), -1) FROM reasons WHERE pitch_id = :id")
    int lastReasonOrdinal(@Bind("id") long pitchId);

    @SqlUpdate("INSERT INTO overrides (pitch_id, space_id, from_queue, to_queue, actor, note, created_at)"
            + " VALUES (:pitchId, :spaceId, :fromQueue, :toQueue, :actor, :note, :createdAt)")
    void insertOverride(@BindMethods OverrideRow override);

    @SqlQuery("SELECT pitch_id, space_id, from_queue, to_queue, actor, note, created_at FROM overrides"
            + " WHERE pitch_id = :id ORDER BY id")
    List<OverrideRow> overrides(@Bind("id") long pitchId);
}
