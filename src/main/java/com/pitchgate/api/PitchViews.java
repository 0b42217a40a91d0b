package com.pitchgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.pitchgate.crm.OverrideRow;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import com.pitchgate.store.AttachmentRow;
import com.pitchgate.store.ContentRow;
import com.pitchgate.store.DecisionRow;
import com.pitchgate.store.JsonColumns;
import com.pitchgate.store.OutboxRow;
import com.pitchgate.store.PitchStore.PitchAnswer;
import com.pitchgate.store.PitchStore.PitchRecord;
import com.pitchgate.store.QueueRow;
import com.pitchgate.store.ReasonRow;
import com.pitchgate.store.ScreenedPitch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON the API answers with, built from stored records. */
public final class PitchViews {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Set<String>> STRING_SET = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() { };

    private PitchViews() {
    }

    /** The answer to a submission: where the pitch went and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(long id, String space, String state, boolean duplicate, String queue,
            List<String> target, Double score, Pitch.Fit fit, String language, List<ReasonView> reasons) {
    }

    /** One reason: the policy, the signal it saw, its weight, and whether it decided. */
    public record ReasonView(String policy, String signal, double weight, String detail, boolean decisive) {
        static ReasonView of(ReasonRow row) {
            return new ReasonView(row.policy(), row.signal(), row.weight(), row.detail(), row.decisive());
        }
    }

    /** A pitch in full: what was received, what was read from it, and the decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PitchView(long id, String space, String channel, String state, Instant receivedAt, Instant decidedAt,
            SenderView sender, String subject, String language, String text, List<AttachmentView> attachments,
            List<String> intermediaries, Set<String> marks, Map<String, List<String>> headers, List<String> problems,
            String queue, List<String> target, Double score, Pitch.Fit fit, List<ReasonView> reasons,
            List<OverrideView> overrides, List<DeliveryView> deliveries) {
    }

    /** A person's correction of the decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverrideView(String from, String to, String actor, String note, Instant at) {
        static OverrideView of(OverrideRow row) {
            return new OverrideView(row.fromQueue(), row.toQueue(), row.actor(), row.note(), Instant.ofEpochMilli(row.createdAt()));
        }
    }

    /** A message Pitchgate sends about the pitch (a forward or a reply), and where it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(long id, String kind, List<String> recipients, String state, int attempts,
            Instant nextAttemptAt, String lastError, Instant sentAt) {
        static DeliveryView of(OutboxRow row) {
            return new DeliveryView(row.id(), row.kind(), JsonColumns.read(row.recipients(), STRINGS), row.state(),
                    row.attempts(), row.state().equals("pending") ? Instant.ofEpochMilli(row.nextAttemptAt()) : null,
                    row.lastError(), row.sentAt() == null ? null : Instant.ofEpochMilli(row.sentAt()));
        }
    }

    /** Who sent a pitch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SenderView(String email, String name, String domain, String organisation, String replyTo) {
    }

    /** An attachment's extracted text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttachmentView(String filename, String mediaType, long size, String text, String problem) {
        static AttachmentView of(AttachmentRow row) {
            return new AttachmentView(row.filename(), row.mediaType(), row.size(), row.text(), row.problem());
        }
    }

    /** One page of a queue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueuePageView(String queue, String space, long total, int limit, long offset, List<QueueItemView> items,
            String next) {
    }

    /** One pitch in a queue listing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueItemView(long id, String senderEmail, String senderName, String organisation, String subject,
            String language, double score, List<String> target, Instant receivedAt, Instant decidedAt) {
        public static QueueItemView of(QueueRow row) {
            return new QueueItemView(row.pitchId(), row.senderEmail(), row.senderName(), row.organisation(),
                    presentSubject(row.subject()),
                    row.language(), row.score(), JsonColumns.read(row.targets(), STRINGS),
                    Instant.ofEpochMilli(row.receivedAt()), Instant.ofEpochMilli(row.decidedAt()));
        }
    }

    /** No subject is left out of the answer, as other missing fields are, rather than shown as "". */
    private static String presentSubject(String stored) {
        return stored == null || stored.isBlank() ? null : stored;
    }

    /** The decision just made and stored for a new pitch, as the submitter sees it. */
    public static DecisionView decision(ScreenedPitch screened) {
        Decision decision = screened.decision();
        return new DecisionView(screened.pitchId(), screened.spaceId(), "decided", false, decision.queue().id(),
                decision.targets(), decision.score(), decision.fit(), screened.pitch().language(),
                decision.reasons().stream().map(r -> new ReasonView(r.policy(), r.signal(), r.weight(), r.detail(),
                        r.decisive())).toList());
    }

    public static DecisionView decision(PitchAnswer answer, boolean duplicate) {
        List<ReasonView> reasons = answer.reasons().stream().map(ReasonView::of).toList();
        String language = answer.language().orElse(null);
        if (answer.decision().isEmpty()) {
            return new DecisionView(answer.id(), answer.spaceId(), answer.state(), duplicate, null, null, null, null, language,
                    reasons);
        }
        DecisionRow decision = answer.decision().get();
        return new DecisionView(answer.id(), answer.spaceId(), answer.state(), duplicate, decision.queue(),
                JsonColumns.read(decision.targets(), STRINGS), decision.score(), JsonColumns.read(decision.fit(), Pitch.Fit.class),
                language, reasons);
    }

    public static PitchView pitch(PitchRecord record) {
        var stored = record.stored();
        ContentRow content = record.content().orElse(null);
        DecisionRow decision = record.decision().orElse(null);
        SenderView sender = content == null ? null : new SenderView(content.senderEmail(), content.senderName(),
                content.senderDomain(), content.organisation(), content.replyTo());
        return new PitchView(stored.id(), stored.spaceId(), stored.channel(), stored.state(),
                Instant.ofEpochMilli(stored.receivedAt()),
                decision == null ? null : Instant.ofEpochMilli(decision.decidedAt()),
                sender,
                content == null ? null : presentSubject(content.subject()),
                content == null ? null : content.language(),
                content == null ? null : content.body(),
                record.attachments().stream().map(AttachmentView::of).toList(),
                content == null ? null : JsonColumns.read(content.intermediaries(), STRINGS),
                content == null ? null : JsonColumns.read(content.marks(), STRING_SET),
                content == null ? null : JsonColumns.read(content.headers(), HEADERS),
                content == null ? null : JsonColumns.read(content.problems(), STRINGS),
                decision == null ? null : decision.queue(),
                decision == null ? null : JsonColumns.read(decision.targets(), STRINGS),
                decision == null ? null : decision.score(),
                decision == null ? null : JsonColumns.read(decision.fit(), Pitch.Fit.class),
                record.reasons().stream().map(ReasonView::of).toList(),
                record.overrides().stream().map(OverrideView::of).toList(),
                record.deliveries().stream().map(DeliveryView::of).toList());
    }
}
