package com.pitchgate.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pitchgate.crm.CrmEntries;
import com.pitchgate.crm.NewDecline;
import com.pitchgate.crm.OverrideRow;
import com.pitchgate.extract.ExtractedAttachment;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.OddHeader;
import com.pitchgate.outbound.OutboundMessage;
import com.pitchgate.outbound.ReplyFacts;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The pitch store: raw pitches first, then what screening made of them, each step one transaction. */
public final class PitchStore {

    private static final NamedStatement ANSWER_PITCH = NamedStatement.of("SELECT p.id, p.space_id, p.state, c.language"
            + " FROM pitches p LEFT JOIN pitch_content c ON c.pitch_id = p.id WHERE p.id = :id");
    private static final NamedStatement ANSWER_DECISION = NamedStatement.of(DecisionDao.DECISION);
    private static final NamedStatement ANSWER_REASONS = NamedStatement.of(DecisionDao.REASONS);

    private final Jdbi jdbi;
    private final Database.Vendor vendor;

    private final Writes writes;

    /** A store whose write transactions each commit on their own. */
    public PitchStore(Jdbi jdbi) {
        this(jdbi, Writes.direct(jdbi));
    }

    /** A store that hands its write transactions to {@code writes} (a {@link GroupCommit} on SQLite). */
    public PitchStore(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.vendor = Database.vendor(jdbi);
        this.writes = writes;
    }

    /**
     * Commits a raw pitch, unless the same Message-ID (or, for a pitch without one, the same content)
     * is already stored for the space; then the first one is returned, marked as a duplicate.
     */
    public StoreReceipt storeRaw(String spaceId, String channel, byte[] raw, String contentHash,
            Optional<String> messageId, Instant receivedAt) {
        return store(spaceId, channel, raw, contentHash, messageId, receivedAt, Optional.empty());
    }

    /**
     * Commits a raw pitch like {@link #storeRaw}, and a new one already claimed for {@code lease} by
     * the caller, who is about to screen it: one transaction instead of two, and no reading back of
     * bytes the caller holds. The receipt carries the claim.
     */
    public StoreReceipt receive(String spaceId, String channel, byte[] raw, String contentHash,
            Optional<String> messageId, Instant receivedAt, Duration lease) {
        return store(spaceId, channel, raw, contentHash, messageId, receivedAt, Optional.of(receivedAt.plus(lease)));
    }

    private StoreReceipt store(String spaceId, String channel, byte[] raw, String contentHash,
            Optional<String> messageId, Instant receivedAt, Optional<Instant> claimedUntil) {
        return writes.inTransaction(handle -> {
            PreparedWrites pitches = PreparedWrites.on(handle);
            Optional<PitchRef> earlier = sameStored(pitches, spaceId, messageId, contentHash);
            if (earlier.isPresent()) {
                return new StoreReceipt(earlier.get().id(), true, earlier.get().state());
            }
            String state = claimedUntil.isPresent() ? "processing" : "received";
            int attempts = claimedUntil.isPresent() ? 1 : 0;
            Optional<Long> id = pitches.insertPitchIfNew(spaceId, channel, contentHash, messageId.orElse(null),
                    receivedAt.toEpochMilli(), state, attempts, claimedUntil.map(Instant::toEpochMilli).orElse(null));
            if (id.isPresent()) {
                pitches.insertRaw(id.get(), raw);
                Optional<StoredPitch> claim = claimedUntil.map(until -> new StoredPitch(id.get(), spaceId, channel, raw,
                        contentHash, messageId.orElse(null), receivedAt.toEpochMilli(), state, attempts));
                return new StoreReceipt(id.get(), false, state, claim);
            }
            // Another request stored the same pitch between our look-up and our insert.
            PitchRef winner = sameStored(pitches, spaceId, messageId, contentHash)
                    .orElseThrow(() -> new IllegalStateException("insert conflicted but no earlier pitch was found"));
            return new StoreReceipt(winner.id(), true, winner.state());
        });
    }

    /**
     * The pitch already stored as this one: the same Message-ID or, for a pitch without one, the same
     * content. The same bytes hold the same Message-ID, so for mail with one the content hash would
     * find nothing more; only pitches without one are in its index (migration V11).
     */
    private static Optional<PitchRef> sameStored(PreparedWrites pitches, String spaceId, Optional<String> messageId,
            String contentHash) {
        return messageId.isPresent() ? pitches.pitchWithMessageId(spaceId, messageId.get())
                : pitches.pitchWithHash(spaceId, contentHash);
    }

    /**
     * Takes the pitch for processing; empty when it is decided or another processor holds it. The
     * claimed pitch's {@code attempts} is the claim's token: pass it back to save or release.
     */
    public Optional<StoredPitch> claim(long id, Instant now, Duration lease) {
        return writes.inTransaction(handle -> {
            PitchDao dao = AttachedDaos.on(handle, PitchDao.class);
            if (dao.claim(id, now.toEpochMilli(), now.plus(lease).toEpochMilli()) == 0) {
                return Optional.empty();
            }
            return dao.find(id);
        });
    }

    /**
     * Claims up to {@code limit} undecided pitches with ids above {@code afterId}, in id order, each
     * for {@code lease}. Instances sharing a database get different pitches. Their raw messages are
     * read one at a time afterwards ({@link #readClaimed}), so that a batch of large ones is not in
     * memory all at once.
     */
    public List<ClaimedPitch> claimUndecided(Instant now, Duration lease, long afterId, int limit) {
        long leaseUntil = now.plus(lease).toEpochMilli();
        List<ClaimedPitch> claimed = new ArrayList<>(writes.inTransaction(handle -> {
            PitchDao dao = AttachedDaos.on(handle, PitchDao.class);
            return switch (vendor) {
                case POSTGRESQL -> dao.claimBatchSkippingLocked(now.toEpochMilli(), leaseUntil, afterId, limit);
                case SQLITE -> dao.claimBatch(now.toEpochMilli(), leaseUntil, afterId, limit);
            };
        }));
        // RETURNING gives rows in no promised order.
        claimed.sort(Comparator.comparingLong(ClaimedPitch::id));
        return claimed;
    }

    /** The pitch of a claim, while the claim still holds it (a lease that ran out may have passed it to another). */
    public Optional<StoredPitch> readClaimed(ClaimedPitch claim) {
        return find(claim.id()).filter(stored -> stored.state().equals("processing") && stored.attempts() == claim.attempts());
    }

    /** Gives a pitch back after a failed attempt, so that recovery takes it up again. */
    public void release(long id, int attempt, String error) {
        writes.inTransaction(handle -> AttachedDaos.on(handle, PitchDao.class).release(id, attempt, error));
    }

    /** Gives back a claimed pitch that was not worked on (the processor is stopping), without counting an attempt. */
    public void unclaim(long id, int attempt) {
        writes.inTransaction(handle -> AttachedDaos.on(handle, PitchDao.class).unclaim(id, attempt));
    }

    public Optional<StoredPitch> find(long id) {
        return jdbi.withExtension(PitchDao.class, dao -> dao.find(id));
    }

    /** Whether the space sent (or is sending) a reply to this sender since {@code since}. */
    public boolean repliedSince(String spaceId, String sender, Instant since) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.repliesSince(spaceId, sender, since.toEpochMilli())) > 0;
    }

    public long countUndecided() {
        return jdbi.withExtension(PitchDao.class, PitchDao::countUndecided);
    }

    /**
     * Writes content, decision, reasons and CRM updates, and marks the pitch decided, atomically.
     * Writes nothing and returns false when the claim was lost: its lease ran out and another
     * processor claimed the pitch again, so that processor's decision is the one kept.
     */
    public boolean saveScreened(ScreenedPitch screened) {
        // Rows are made here, in the caller's thread, so that the writer only writes.
        long id = screened.pitchId();
        Decision decision = screened.decision();
        long decidedAt = screened.decidedAt().toEpochMilli();
        ContentRow content = content(screened);
        List<AttachmentRow> attachments = attachments(id, screened.extracted());
        DecisionRow decisionRow = new DecisionRow(id, screened.spaceId(), decision.queue().id(),
                JsonColumns.write(decision.targets()), decision.score(), JsonColumns.write(decision.fit()), decidedAt);
        List<ReasonRow> reasons = reasons(id, decision.reasons());
        return writes.inTransaction(handle -> {
            PreparedWrites store = PreparedWrites.on(handle);
            // Checked first, so that a lost claim writes nothing.
            if (!store.markDecided(id, screened.attempt())) {
                return false;
            }
            store.insertContent(content);
            attachments.forEach(store::insertAttachment);
            store.insertDecision(decisionRow);
            reasons.forEach(store::insertReason);
            recordInCrm(store, screened);
            for (OutboundMessage message : screened.outbound()) {
                store.enqueue(screened.spaceId(), id, message.kind(), JsonColumns.write(message.recipients()),
                        message.replyToSender().orElse(null), message.raw(), decidedAt);
            }
            return true;
        });
    }

    /** Writes what the CRM chose to keep of the pitch ({@link CrmEntries}), as it chose it. */
    private static void recordInCrm(PreparedWrites crm, ScreenedPitch screened) {
        CrmEntries entries = screened.crm();
        long now = screened.decidedAt().toEpochMilli();
        entries.contact().ifPresent(contact -> crm.recordContact(screened.spaceId(), contact.email(), contact.name(),
                contact.organisation(), false, now));
        entries.organisation().ifPresent(organisation -> crm.recordOrganisation(screened.spaceId(), organisation.domain(),
                organisation.name(), now));
        for (NewDecline decline : entries.declines()) {
            crm.insertDecline(screened.spaceId(), decline.scope(), decline.value(), screened.pitchId(),
                    decline.declinedAt().toEpochMilli(), decline.expiresAt().toEpochMilli());
        }
    }

    /** Marks the space's configured contacts as known, so their mail and their intros count. */
    public void seedKnownContact(String spaceId, String email, String name, String organisation, Instant now) {
        jdbi.useHandle(handle -> PreparedWrites.on(handle).recordContact(spaceId, email, name, organisation, true, now.toEpochMilli()));
    }

    public Optional<PitchRecord> record(long id) {
        return Database.inReadTransaction(jdbi, vendor, handle -> {
            Optional<StoredPitch> stored = AttachedDaos.on(handle, PitchDao.class).find(id);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            DecisionDao dao = AttachedDaos.on(handle, DecisionDao.class);
            return Optional.of(new PitchRecord(stored.get(), dao.content(id), dao.attachments(id), dao.decision(id),
                    dao.reasons(id), dao.overrides(id), AttachedDaos.on(handle, OutboxDao.class).forPitch(id)));
        });
    }

    /**
     * What a reply to the pitch's sender needs, as stored when it was decided; empty while it is not
     * decided. Never the raw message read again (issue 24).
     */
    public Optional<ReplyFacts> replyFacts(long id) {
        return Database.inReadTransaction(jdbi, vendor, handle -> {
            DecisionDao dao = AttachedDaos.on(handle, DecisionDao.class);
            Optional<ContentRow> content = dao.content(id);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            if (content.get().replyFacts() != null) {
                return Optional.of(JsonColumns.read(content.get().replyFacts(), ReplyFacts.class));
            }
            // Decided before V12 stored them: made from what was stored with the pitch, not from its raw message.
            Map<String, Object> pitch = handle.createQuery("SELECT channel, message_id FROM pitches WHERE id = :id")
                    .bind("id", id).mapToMap().one();
            return Optional.of(olderReplyFacts(content.get(), (String) pitch.get("channel"),
                    Optional.ofNullable((String) pitch.get("message_id")), dao.reasons(id)));
        });
    }

    /**
     * The reply facts of a pitch decided before they were stored: sender, subject, language and headers
     * from its content row; Message-ID as stored to recognise duplicates (the same for the ASCII ones
     * Message-IDs are); a sender in doubt from the reasons its odd headers left.
     */
    private static ReplyFacts olderReplyFacts(ContentRow content, String channel, Optional<String> messageId,
            List<ReasonRow> reasons) {
        Pitch.Address sender = new Pitch.Address(content.senderEmail(), content.senderName(), content.senderDomain());
        List<OddHeader> odd = reasons.stream().filter(r -> r.policy().equals("extract"))
                .map(r -> new OddHeader(r.signal(), r.detail())).toList();
        Optional<String> doubt = sender.hasEmail()
                ? odd.stream().filter(OddHeader::doubtsSender).map(OddHeader::detail).findFirst()
                : Optional.of(odd.stream().filter(o -> o.signal().equals(OddHeader.MISSING_SENDER)).map(OddHeader::detail)
                        .findFirst().orElse("no usable sender address"));
        Map<String, List<String>> headers = JsonColumns.read(content.headers(), new TypeReference<Map<String, List<String>>>() { });
        return ReplyFacts.of(channel, sender, doubt, content.subject(), content.language(), messageId, headers);
    }

    /**
     * What the answer to a submission shows of a stored pitch: its state, language, decision and
     * reasons, in plain JDBC ({@link NamedStatement}) on one snapshot. A resent message is answered
     * with this: through {@link #record} (seven SqlObject queries, the raw message among them) a
     * duplicate cost twice the CPU of screening a new pitch (see docs/benchmarks.md).
     */
    public Optional<PitchAnswer> answer(long id) {
        return Database.inReadTransaction(jdbi, vendor, handle -> {
            Connection connection = handle.getConnection();
            Map<String, Object> pitch = Map.of("id", id);
            Optional<DecisionRow> decision = ANSWER_DECISION.first(connection, pitch, PitchStore::decisionRow);
            List<ReasonRow> reasons = ANSWER_REASONS.query(connection, pitch, PitchStore::reasonRow);
            return ANSWER_PITCH.first(connection, pitch, row -> new PitchAnswer(row.getLong("id"), row.getString("space_id"),
                    row.getString("state"), Optional.ofNullable(row.getString("language")), decision, reasons));
        });
    }

    private static DecisionRow decisionRow(ResultSet row) throws SQLException {
        return new DecisionRow(row.getLong("pitch_id"), row.getString("space_id"), row.getString("queue"),
                row.getString("targets"), row.getDouble("score"), row.getString("fit"), row.getLong("decided_at"));
    }

    private static ReasonRow reasonRow(ResultSet row) throws SQLException {
        return new ReasonRow(row.getLong("pitch_id"), row.getInt("ordinal"), row.getString("policy"), row.getString("signal"),
                row.getDouble("weight"), row.getString("detail"), row.getBoolean("decisive"));
    }

    /** One page of a queue, newest first; for a member, only the pitches forwarded to them. */
    public QueuePage queue(String spaceId, String queue, Optional<String> member, int limit, long offset) {
        // Targets are member ids (lower-case letters, digits, dashes): the quoted id cannot match another.
        String target = member.map(m -> "%\"" + m + "\"%").orElse("%");
        return Database.inReadTransaction(jdbi, vendor, handle -> {
            DecisionDao dao = AttachedDaos.on(handle, DecisionDao.class);
            return new QueuePage(dao.queueSize(spaceId, queue, target), dao.queue(spaceId, queue, target, limit, offset));
        });
    }

    private static ContentRow content(ScreenedPitch screened) {
        ExtractedPitch extracted = screened.extracted();
        Pitch pitch = screened.pitch();
        return new ContentRow(screened.pitchId(), pitch.sender().email(), pitch.sender().name(), pitch.sender().domain(),
                pitch.organisation().orElse(null), pitch.replyTo().map(Pitch.Address::email).orElse(null),
                pitch.subject(), pitch.body(), pitch.language(), JsonColumns.write(extracted.headers()),
                JsonColumns.write(extracted.marks()), JsonColumns.write(pitch.intermediaries()),
                JsonColumns.write(extracted.problems()), JsonColumns.write(ReplyFacts.of(extracted, pitch)));
    }

    private static List<AttachmentRow> attachments(long id, ExtractedPitch extracted) {
        List<AttachmentRow> rows = new ArrayList<>();
        int ordinal = 0;
        for (ExtractedAttachment a : extracted.attachments()) {
            rows.add(new AttachmentRow(id, ordinal++, a.filename(), a.mediaType(), a.size(), a.text(), a.problem().orElse(null)));
        }
        return rows;
    }

    private static List<ReasonRow> reasons(long id, List<Reason> reasons) {
        List<ReasonRow> rows = new ArrayList<>();
        int ordinal = 0;
        for (Reason r : reasons) {
            rows.add(new ReasonRow(id, ordinal++, r.policy(), r.signal(), r.weight(), r.detail(), r.decisive()));
        }
        return rows;
    }

    /**
     * The receipt for a raw pitch: its id, and whether it had been stored before; for a new pitch
     * stored by {@link #receive}, the caller's claim on it.
     */
    public record StoreReceipt(long id, boolean duplicate, String state, Optional<StoredPitch> claimed) {
        public StoreReceipt(long id, boolean duplicate, String state) {
            this(id, duplicate, state, Optional.empty());
        }
    }

    /** A stored pitch with everything known about it; the processing parts are empty until decided. */
    public record PitchRecord(StoredPitch stored, Optional<ContentRow> content, List<AttachmentRow> attachments,
            Optional<DecisionRow> decision, List<ReasonRow> reasons, List<OverrideRow> overrides,
            List<OutboxRow> deliveries) {
    }

    /** See {@link #answer}. */
    public record PitchAnswer(long id, String spaceId, String state, Optional<String> language, Optional<DecisionRow> decision,
            List<ReasonRow> reasons) {
    }

    /** One page of a queue, and the queue's size. */
    public record QueuePage(long total, List<QueueRow> rows) {
    }
}
