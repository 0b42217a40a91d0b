package com.pitchgate.store;

import java.sql.Connection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The writes every pitch makes (receiving it; saving its content, decision, reasons and what the CRM
 * learns from it), in plain JDBC on the transaction's connection ({@link NamedStatement}). Made through
 * SqlObjects they were most of the group-commit writer's CPU time, and the writer is one thread for
 * all requests (see docs/benchmarks.md). Statements that other writes share stay declared on their
 * DAOs.
 */
public final class PreparedWrites {

    static final String PITCH_WITH_MESSAGE_ID = "SELECT id, state FROM pitches WHERE space_id = :spaceId AND message_id = :messageId";
    /** Among pitches without a Message-ID only: those its (partial) index holds (see {@link PitchStore#receive}). */
    static final String PITCH_WITH_HASH = "SELECT id, state FROM pitches WHERE space_id = :spaceId AND content_hash = :contentHash"
            + " AND message_id IS NULL";
    private static final NamedStatement BY_MESSAGE_ID = NamedStatement.of(PITCH_WITH_MESSAGE_ID);
    private static final NamedStatement BY_HASH = NamedStatement.of(PITCH_WITH_HASH);
    private static final NamedStatement INSERT_IF_NEW = NamedStatement.of(PitchDao.INSERT_IF_NEW);
    private static final NamedStatement INSERT_RAW = NamedStatement.of(PitchDao.INSERT_RAW);
    /** Only while this claim still holds the pitch: no row when another processor took it over. */
    private static final NamedStatement MARK_DECIDED = NamedStatement.of("UPDATE pitches SET state = 'decided', lease_until = NULL"
            + " WHERE id = :id AND state = 'processing' AND attempts = :attempt");
    private static final NamedStatement INSERT_CONTENT = NamedStatement.of("INSERT INTO pitch_content (pitch_id, sender_email,"
            + " sender_name, sender_domain, organisation, reply_to, subject, body, language, headers, marks, intermediaries,"
            + " problems, reply_facts) VALUES (:pitchId, :senderEmail, :senderName, :senderDomain, :organisation, :replyTo,"
            + " :subject, :body, :language, :headers, :marks, :intermediaries, :problems, :replyFacts)");
    private static final NamedStatement INSERT_ATTACHMENT = NamedStatement.of("INSERT INTO attachments (pitch_id, ordinal,"
            + " filename, media_type, size, text, problem) VALUES (:pitchId, :ordinal, :filename, :mediaType, :size, :text, :problem)");
    private static final NamedStatement INSERT_DECISION = NamedStatement.of("INSERT INTO decisions (pitch_id, space_id, queue,"
            + " targets, score, fit, decided_at) VALUES (:pitchId, :spaceId, :queue, :targets, :score, :fit, :decidedAt)");
    private static final NamedStatement INSERT_REASON = NamedStatement.of(DecisionDao.INSERT_REASON);
    private static final NamedStatement CONTACT_BY_ADDRESS =
            NamedStatement.of("SELECT contact_id FROM contact_addresses WHERE space_id = :spaceId AND email = :email");
    private static final NamedStatement INSERT_CONTACT = NamedStatement.of("INSERT INTO contacts (space_id, email, name,"
            + " organisation, known, first_seen, last_seen) VALUES (:spaceId, :email, :name, :organisation, :known, :now, :now)"
            + " ON CONFLICT (space_id, email) DO UPDATE SET last_seen = excluded.last_seen RETURNING id");
    private static final NamedStatement TOUCH_CONTACT = NamedStatement.of("UPDATE contacts SET last_seen = :now,"
            + " name = CASE WHEN name = '' THEN :name ELSE name END, organisation = coalesce(organisation, :organisation),"
            + " known = (known OR :known) WHERE id = :id");
    private static final NamedStatement ADD_ADDRESS = NamedStatement.of(CrmDao.ADD_ADDRESS);
    private static final NamedStatement RECORD_ORGANISATION = NamedStatement.of("INSERT INTO organisations (space_id, domain,"
            + " name, created_at) VALUES (:spaceId, :domain, :name, :now) ON CONFLICT (space_id, domain) DO UPDATE SET"
            + " name = CASE WHEN organisations.name = organisations.domain THEN excluded.name ELSE organisations.name END");
    private static final NamedStatement INSERT_DECLINE = NamedStatement.of(CrmDao.INSERT_DECLINE);
    private static final NamedStatement ENQUEUE = NamedStatement.of(OutboxDao.ENQUEUE);

    private final Connection connection;

    private PreparedWrites(Connection connection) {
        this.connection = connection;
    }

    /** The writes, in the handle's transaction. */
    public static PreparedWrites on(Handle handle) {
        return new PreparedWrites(handle.getConnection());
    }

    Optional<PitchRef> pitchWithMessageId(String spaceId, String messageId) {
        return BY_MESSAGE_ID.first(connection, NamedStatement.values("spaceId", spaceId, "messageId", messageId),
                row -> new PitchRef(row.getLong("id"), row.getString("state")));
    }

    Optional<PitchRef> pitchWithHash(String spaceId, String contentHash) {
        return BY_HASH.first(connection, NamedStatement.values("spaceId", spaceId, "contentHash", contentHash),
                row -> new PitchRef(row.getLong("id"), row.getString("state")));
    }

    /** The new pitch's id; empty when the same content or Message-ID is already stored. */
    Optional<Long> insertPitchIfNew(String spaceId, String channel, String contentHash, String messageId, long receivedAt,
            String state, int attempts, Long leaseUntil) {
        return INSERT_IF_NEW.first(connection, NamedStatement.values("spaceId", spaceId, "channel", channel,
                "contentHash", contentHash, "messageId", messageId, "receivedAt", receivedAt, "state", state,
                "attempts", attempts, "leaseUntil", leaseUntil), row -> row.getLong(1));
    }

    void insertRaw(long id, byte[] raw) {
        INSERT_RAW.update(connection, NamedStatement.values("id", id, "raw", raw));
    }

    /** Marks the pitch decided if this claim still holds it; false when another processor took it over. */
    boolean markDecided(long id, int attempt) {
        return MARK_DECIDED.update(connection, NamedStatement.values("id", id, "attempt", attempt)) > 0;
    }

    void insertContent(ContentRow row) {
        INSERT_CONTENT.update(connection, NamedStatement.values("pitchId", row.pitchId(), "senderEmail", row.senderEmail(),
                "senderName", row.senderName(), "senderDomain", row.senderDomain(), "organisation", row.organisation(),
                "replyTo", row.replyTo(), "subject", row.subject(), "body", row.body(), "language", row.language(),
                "headers", row.headers(), "marks", row.marks(), "intermediaries", row.intermediaries(),
                "problems", row.problems(), "replyFacts", row.replyFacts()));
    }

    void insertAttachment(AttachmentRow row) {
        INSERT_ATTACHMENT.update(connection, NamedStatement.values("pitchId", row.pitchId(), "ordinal", row.ordinal(),
                "filename", row.filename(), "mediaType", row.mediaType(), "size", row.size(), "text", row.text(),
                "problem", row.problem()));
    }

    void insertDecision(DecisionRow row) {
        INSERT_DECISION.update(connection, NamedStatement.values("pitchId", row.pitchId(), "spaceId", row.spaceId(),
                "queue", row.queue(), "targets", row.targets(), "score", row.score(), "fit", row.fit(),
                "decidedAt", row.decidedAt()));
    }

    void insertReason(ReasonRow row) {
        INSERT_REASON.update(connection, NamedStatement.values("pitchId", row.pitchId(), "ordinal", row.ordinal(),
                "policy", row.policy(), "signal", row.signal(), "weight", row.weight(), "detail", row.detail(),
                "decisive", row.decisive()));
    }

    /** Records that an address wrote (or is known): finds its contact, or makes one; {@code known} only goes up. */
    public long recordContact(String spaceId, String email, String name, String organisation, boolean known, long now) {
        Optional<Long> existing = CONTACT_BY_ADDRESS.first(connection,
                NamedStatement.values("spaceId", spaceId, "email", email), row -> row.getLong(1));
        if (existing.isPresent()) {
            TOUCH_CONTACT.update(connection, NamedStatement.values("id", existing.get(), "name", name,
                    "organisation", organisation, "known", known, "now", now));
            return existing.get();
        }
        long id = INSERT_CONTACT.first(connection, NamedStatement.values("spaceId", spaceId, "email", email,
                "name", name, "organisation", organisation, "known", known, "now", now), row -> row.getLong(1))
                .orElseThrow(() -> new IllegalStateException("no contact id returned for " + email));
        ADD_ADDRESS.update(connection, NamedStatement.values("spaceId", spaceId, "email", email, "contactId", id));
        return id;
    }

    /** Makes the organisation, or names it if it was known by its domain only. */
    void recordOrganisation(String spaceId, String domain, String name, long now) {
        RECORD_ORGANISATION.update(connection, NamedStatement.values("spaceId", spaceId, "domain", domain, "name", name,
                "now", now));
    }

    void insertDecline(String spaceId, String scope, String value, Long pitchId, long declinedAt, long expiresAt) {
        INSERT_DECLINE.update(connection, NamedStatement.values("spaceId", spaceId, "scope", scope, "value", value,
                "pitchId", pitchId, "declinedAt", declinedAt, "expiresAt", expiresAt));
    }

    void enqueue(String spaceId, long pitchId, String kind, String recipients, String replyToSender, byte[] raw, long now) {
        ENQUEUE.update(connection, NamedStatement.values("spaceId", spaceId, "pitchId", pitchId, "kind", kind,
                "recipients", recipients, "replyToSender", replyToSender, "raw", raw, "now", now));
    }
}
