package com.pitchgate.policy.builtin;

import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.text.Decimals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Marks of mass prospecting: bulk-mail headers, mailing-platform fingerprints, merge fields left
 * unfilled, "just following up" bumps, and tracking pixels.
 */
@PolicyInfo(name = "bulk", description = "Marks of mass prospecting: bulk headers, mailing platforms, merge fields, follow-up bumps, tracking pixels.")
public final class BulkPolicy implements Policy {

    static final Signal MERGE_FIELD_LEFTOVER = new Signal("merge_field_leftover", -6.0, "unfilled template fields: mass prospecting");
    static final Signal PROMOTIONAL_BULK = new Signal("promotional_bulk", -4.0, "the categoriser reads promotional mass mail");
    static final Signal LIKELY_BULK = new Signal("likely_bulk", -2.0, "the categoriser leans to promotional mass mail, with little confidence");
    static final Signal FOLLOW_UP_BUMP = new Signal("follow_up_bump", -4.0, "a follow-up chasing an unanswered pitch");
    static final Signal UNDISCLOSED_RECIPIENTS = new Signal("undisclosed_recipients", -1.5, "sent to undisclosed recipients");
    static final Signal LIST_UNSUBSCRIBE = new Signal("list_unsubscribe", -1.0, "a List-Unsubscribe header on a message that sells");
    static final Signal PRECEDENCE_BULK = new Signal("precedence_bulk", -1.0, "Precedence: bulk, list or junk on a message that sells");
    static final Signal BULK_MAILER = new Signal("bulk_mailer", -1.0, "sent with a mass-mailing platform");
    static final Signal TRACKING_PIXEL = new Signal("tracking_pixel", -1.5, "a hidden tracking image in the HTML body");

    @Override
    public List<Signal> signals() {
        return List.of(MERGE_FIELD_LEFTOVER, PROMOTIONAL_BULK, LIKELY_BULK, FOLLOW_UP_BUMP, UNDISCLOSED_RECIPIENTS, LIST_UNSUBSCRIBE, PRECEDENCE_BULK, BULK_MAILER, TRACKING_PIXEL);
    }

    /** A field a mailing template fills in: "first_name", "Prénom", "Company", "{!Contact.FirstName}"'s tail. */
    private static final String FIELD = "(?:(?:first|last|full|company|business|contact|sender|recipient|user|account|lead)"
            + "[_ .-]?)?(?:first[_ -]?name|last[_ -]?name|fname|lname|name|nom|pr[ée]nom|company|compagnie|soci[ée]t[ée]|"
            + "entreprise|organi[sz]ation|city|ville|website|site|title|poste|job[_ ]?title|industry|secteur|e-?mail)";

    static final TextCues MERGE_FIELDS = new TextCues(
            "\\{\\{\\s*[\\w.\\- ]{1,40}\\s*\\}\\}",
            "\\{\\s*" + FIELD + "\\s*\\}",
            "[$#]\\{\\s*" + FIELD + "\\s*\\}",
            "\\{!\\s*(?:\\w+\\.)?" + FIELD + "\\s*\\}",
            "\\[\\[?\\s*" + FIELD + "\\s*\\]?\\]",
            "%\\s*" + FIELD + "\\s*%",
            "<<\\s*" + FIELD + "\\s*>>",
            "\\*\\|\\s*[A-Z_]{2,20}\\s*\\|\\*");

    static final TextCues FOLLOW_UPS = new TextCues(
            "\\bjust (?:following|checking) (?:up|in)\\b",
            "\\bfollowing up on my (?:last|previous|earlier) (?:e-?mail|message|note)\\b",
            "\\b(?:bumping|floating) (?:this|my (?:last )?(?:e-?mail|message)) (?:up|to the top)\\b",
            "\\bcircling back\\b",
            "\\b(?:did|have) you (?:get|had) a chance to (?:read|look|review|see)\\b",
            "\\bin case (?:you missed|my (?:last|previous) (?:e-?mail|message))\\b",
            "\\bje me permets de (?:vous )?relancer\\b",
            "\\bje reviens vers vous (?:suite à|concernant|au sujet de) mon (?:précédent |dernier )?(?:e-?mail|mail|message)\\b",
            "\\bpetite relance\\b",
            "\\bavez-vous (?:eu|pu) (?:le temps|l'occasion|prendre connaissance)\\b",
            "\\bsans réponse de votre part\\b");

    /** Below this probability, the categoriser is not sure enough that a message is bulk or a bump. */
    private double minConfidence = MessageKind.SURE;

    private static final List<String> MAILER_HEADERS = List.of(
            "x-campaign", "x-campaignid", "x-mailgun-tag", "x-mailgun-sid", "x-ses-outgoing", "x-sg-eid", "x-sendgrid-id",
            "x-mc-user", "x-mailchimp-id", "x-mandrill-user", "x-hubspot-id", "x-lemlist-id", "x-mailjet-campaign",
            "x-sib-id", "x-brevo-id", "x-pm-message-id", "x-apollo-id", "x-outreach-id");

    private static final List<String> MAILER_NAMES = List.of(
            "mailchimp", "sendgrid", "mailgun", "sendinblue", "brevo", "hubspot", "lemlist", "mailjet", "outreach",
            "apollo", "woodpecker", "reply.io", "mailshake", "salesloft", "klaviyo", "constant contact", "phplist");

    /**
     * Bulk marks alone do not make a pitch: a newsletter someone subscribed to and a mailing list
     * carry them too. They count against a message only when it is not plainly correspondence or an
     * inquiry; promotional bulk and follow-up bumps are told by the trained categoriser, with the cue
     * lists as explanations (and as the judge when there is no kind).
     */
    @Override
    public void init(PolicyConfig config) throws PolicyException {
        minConfidence = ProbabilitySetting.read(config, "minConfidence", minConfidence);
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        List<Signal> signals = new ArrayList<>();
        MessageKind kind = pitch.kind();
        String text = pitch.subject() + "\n" + pitch.body();
        List<String> merge = MERGE_FIELDS.find(text, 3);
        if (!merge.isEmpty()) {
            signals.add(MERGE_FIELD_LEFTOVER.withDetail("unfilled template fields " + TextCues.quoted(merge)));
        }
        boolean notAPitch = kind.is(MessageKind.CORRESPONDENCE) || kind.is(MessageKind.INQUIRY);
        boolean sure = kind.confidence() >= minConfidence;
        if (kind.is(MessageKind.BULK)) {
            signals.add((sure ? PROMOTIONAL_BULK : LIKELY_BULK).withDetail(
                    "reads as promotional mass mail (" + Decimals.rounded(100 * kind.confidence(), 0) + "% sure)"));
        }
        // A reply in a conversation with someone else, or a post to a discussion list, chases no pitch.
        boolean conversation = MailThread.isConversation(pitch) || MailThread.discussionList(pitch).isPresent();
        List<String> bumps = FOLLOW_UPS.find(text, 3);
        // The categoriser's leaning to a bump, confirmed in so many words ("bumping this up"), is a bump.
        boolean bump = kind.is(MessageKind.BUMP) ? sure || !bumps.isEmpty() : !bumps.isEmpty() && kind.is(MessageKind.UNKNOWN_KIND);
        if (!conversation && bump) {
            signals.add(FOLLOW_UP_BUMP.withDetail("chases an unanswered pitch"
                    + (kind.is(MessageKind.BUMP) ? " (" + Decimals.rounded(100 * kind.confidence(), 0) + "% sure)" : "")
                    + (bumps.isEmpty() ? "" : ": " + TextCues.quoted(bumps))));
        }
        if (notAPitch || conversation) {
            return PolicyOutcome.of(signals);
        }
        if (undisclosedRecipients(pitch)) {
            signals.add(UNDISCLOSED_RECIPIENTS.withDetail("sent to undisclosed recipients: a mailing to many"));
        }
        pitch.header("List-Unsubscribe").ifPresent(value ->
                signals.add(LIST_UNSUBSCRIBE.withDetail("List-Unsubscribe header: mail sent to a list")));
        pitch.header("Precedence").map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("bulk") || v.equals("list") || v.equals("junk"))
                .ifPresent(value -> signals.add(PRECEDENCE_BULK.withDetail("Precedence: " + value)));
        mailer(pitch).ifPresent(mailer -> signals.add(BULK_MAILER.withDetail("sent with " + mailer)));
        if (pitch.marks().contains("tracking_pixel")) {
            signals.add(TRACKING_PIXEL.withDetail("HTML body carries a hidden tracking image"));
        }
        return PolicyOutcome.of(signals);
    }

    private static boolean undisclosedRecipients(Pitch pitch) {
        return pitch.header("To").map(to -> to.toLowerCase(Locale.ROOT))
                .filter(to -> to.contains("undisclosed") || to.contains("destinataires inconnus") || to.strip().equals(":;"))
                .isPresent();
    }

    private static Optional<String> mailer(Pitch pitch) {
        for (String header : MAILER_HEADERS) {
            if (pitch.header(header).isPresent()) {
                return Optional.of("a mailing platform (" + header + " header)");
            }
        }
        for (String header : List.of("x-mailer", "user-agent", "feedback-id")) {
            Optional<String> value = pitch.header(header).map(v -> v.toLowerCase(Locale.ROOT));
            if (value.isPresent()) {
                for (String name : MAILER_NAMES) {
                    if (value.get().contains(name)) {
                        return Optional.of(name + " (" + header + " header)");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
