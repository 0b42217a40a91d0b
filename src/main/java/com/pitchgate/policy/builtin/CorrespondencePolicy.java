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
 * Mail that is not a pitch reaches a person: personal correspondence, replies in a thread,
 * mailing-list discussion, receipts and notifications. The trained categoriser reads the words;
 * the headers that say where the message comes from (a thread, a list, a robot) are named as the
 * evidence, and a reply in a thread that does not read as selling counts on its own.
 */
@PolicyInfo(name = "correspondence", description = "Tells mail that is not a pitch (replies, list discussion, receipts, notifications) so that it is never declined.")
public final class CorrespondencePolicy implements Policy {

    static final Signal NOT_A_PITCH = new Signal("not_a_pitch", 5.0, "the categoriser reads correspondence, not a pitch");
    static final Signal THREAD_REPLY = new Signal("thread_reply", 3.0, "a reply in a conversation with someone else");
    static final Signal LIST_DISCUSSION = new Signal("list_discussion", 5.0, "a post to a discussion list");
    static final Signal SUBSCRIBED_NEWSLETTER = new Signal("subscribed_newsletter", 6.0,
            "a newsletter the reader asked for: it speaks of their subscription, or comes to the address they gave its sender");

    @Override
    public List<Signal> signals() {
        return List.of(NOT_A_PITCH, THREAD_REPLY, LIST_DISCUSSION, SUBSCRIBED_NEWSLETTER);
    }

    /**
     * A sender who keeps a subscriber list addresses the reader's subscription, account or
     * preferences, as the law asks of newsletters; a blast to a bought list offers at most a way out
     * ("to be removed, reply REMOVE").
     */
    static final TextCues SUBSCRIPTION = new TextCues(
            "\\byour (?:subscription|newsletter (?:preferences|subscription|settings)|e-?mail (?:preferences|settings)|"
                    + "account (?:settings|preferences)|subscriber (?:profile|preferences))\\b",
            "\\b(?:manage|update|change|edit) your (?:subscriptions?|e-?mail (?:preferences|settings|address)|preferences|profile)\\b",
            "\\b(?:you are|you're) (?:currently )?subscribed (?:to|as|with)\\b",
            "\\b(?:e-?mail )?address (?:for|of) your subscription\\b",
            "\\byour (?:communication|mailing|newsletter|notification) (?:preferences|settings)\\b",
            "\\bas a registered (?:member|user|customer|subscriber)\\b",
            // Not "vos abonnements" alone: to a coworking space, that is its members' subscriptions.
            "\\bvous êtes (?:abonnée?|inscrite?) (?:à|au|aux)\\b",
            "\\bvotre (?:abonnement|inscription) (?:à|au) (?:la |notre |nos )?(?:newsletter|lettre|liste)",
            "\\b(?:gérer|modifier) (?:vos préférences|votre abonnement|vos abonnements|votre profil)\\b");
    /** Characters read from the end of a message, where a newsletter keeps its footer. */
    private static final int FOOTER = 4_000;

    private double minConfidence = MessageKind.SURE;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        minConfidence = ProbabilitySetting.read(config, "minConfidence", minConfidence);
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        MessageKind kind = pitch.kind();
        List<Signal> signals = new ArrayList<>();
        List<String> evidence = evidence(pitch);
        if (kind.is(MessageKind.CORRESPONDENCE) && kind.confidence() >= minConfidence) {
            signals.add(NOT_A_PITCH.withDetail("reads as correspondence, not a pitch (" + Decimals.rounded(100 * kind.confidence(), 0)
                    + "% sure)" + (evidence.isEmpty() ? "" : "; " + String.join("; ", evidence))));
        }
        boolean massMail = kind.is(MessageKind.BULK) && kind.confidence() >= minConfidence;
        if (!massMail && MailThread.isConversation(pitch)) {
            signals.add(THREAD_REPLY.withDetail("a reply in a conversation (In-Reply-To/References), not a follow-up to its own pitch"));
        }
        // A list one can post to is a discussion; a newsletter has an unsubscribe link and no address to post to.
        Optional<String> discussion = MailThread.discussionList(pitch);
        if (discussion.isPresent() && !massMail) {
            signals.add(LIST_DISCUSSION.withDetail("mailing-list discussion (List-Post: " + discussion.get() + ")"));
        }
        // A newsletter is mass mail; a vendor writing one-to-one about "your subscription" sells one.
        boolean newsletter = kind.is(MessageKind.BULK) || kind.is(MessageKind.CORRESPONDENCE);
        Optional<String> subscription = newsletter ? subscription(pitch.body()) : Optional.empty();
        subscription.ifPresent(cue -> signals.add(SUBSCRIBED_NEWSLETTER.withDetail(
                "a newsletter that speaks of the reader's own subscription: " + TextCues.quoted(List.of(cue)))));
        Optional<String> givenAddress = newsletter && subscription.isEmpty() ? SubAddress.namingSender(pitch) : Optional.empty();
        givenAddress.ifPresent(address -> signals.add(SUBSCRIBED_NEWSLETTER.withDetail(
                "a newsletter sent to the address the reader gave its sender: " + address)));
        return PolicyOutcome.of(signals);
    }

    private static Optional<String> subscription(String body) {
        String footer = body.length() <= FOOTER ? body : body.substring(body.length() - FOOTER);
        return SUBSCRIPTION.find(footer, 1).stream().findFirst();
    }

    /** What the headers say of where the message comes from. */
    private static List<String> evidence(Pitch pitch) {
        List<String> evidence = new ArrayList<>();
        if (MailThread.isReply(pitch)) {
            evidence.add("a reply in a thread");
        }
        Optional<String> list = pitch.header("List-Id").or(() -> pitch.header("List-Post")).or(() -> pitch.header("Mailing-List"));
        list.ifPresent(value -> evidence.add("sent through the list " + value.strip()));
        pitch.header("Auto-Submitted").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.equals("no"))
                .ifPresent(value -> evidence.add("sent by a program (Auto-Submitted: " + value + ")"));
        return evidence;
    }
}
