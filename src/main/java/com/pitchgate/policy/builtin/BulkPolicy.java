package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
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

    static final TextCues MERGE_FIELDS = new TextCues(
            "\\{\\{\\s*[\\w.\\- ]{1,40}\\s*\\}\\}",
            "\\{\\s*(?:first|last)[_ ]?name\\s*\\}|\\{\\s*(?:company|prenom|prénom|nom|societe|société)\\s*\\}",
            "\\[\\s*(?:first|last)[_ ]?name\\s*\\]|\\[\\s*(?:company(?:[_ ]?name)?|prénom|prenom|nom|société|societe)\\s*\\]",
            "%\\s*(?:first|last)[_ ]?name\\s*%|%\\s*(?:company|prenom|prénom)\\s*%",
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

    private static final List<String> MAILER_HEADERS = List.of(
            "x-campaign", "x-campaignid", "x-mailgun-tag", "x-mailgun-sid", "x-ses-outgoing", "x-sg-eid", "x-sendgrid-id",
            "x-mc-user", "x-mailchimp-id", "x-mandrill-user", "x-hubspot-id", "x-lemlist-id", "x-mailjet-campaign",
            "x-sib-id", "x-brevo-id", "x-pm-message-id", "x-apollo-id", "x-outreach-id");

    private static final List<String> MAILER_NAMES = List.of(
            "mailchimp", "sendgrid", "mailgun", "sendinblue", "brevo", "hubspot", "lemlist", "mailjet", "outreach",
            "apollo", "woodpecker", "reply.io", "mailshake", "salesloft", "klaviyo", "constant contact", "phplist");

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        List<Signal> signals = new ArrayList<>();
        pitch.header("List-Unsubscribe").ifPresent(value ->
                signals.add(new Signal("list_unsubscribe", -2.5, "List-Unsubscribe header: mail sent to a list")));
        pitch.header("Precedence").map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("bulk") || v.equals("list") || v.equals("junk"))
                .ifPresent(value -> signals.add(new Signal("precedence_bulk", -2.5, "Precedence: " + value)));
        mailer(pitch).ifPresent(mailer -> signals.add(new Signal("bulk_mailer", -2.0, "sent with " + mailer)));

        String text = pitch.subject() + "\n" + pitch.body();
        List<String> merge = MERGE_FIELDS.find(text, 3);
        if (!merge.isEmpty()) {
            signals.add(new Signal("merge_field_leftover", -6.0, "unfilled template fields " + TextCues.quoted(merge)));
        }
        List<String> bumps = FOLLOW_UPS.find(text, 3);
        if (!bumps.isEmpty()) {
            signals.add(new Signal("follow_up_bump", -2.5, "follow-up sequence wording " + TextCues.quoted(bumps)));
        }
        if (pitch.marks().contains("tracking_pixel")) {
            signals.add(new Signal("tracking_pixel", -1.5, "HTML body carries a hidden tracking image"));
        }
        return PolicyOutcome.of(signals);
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
