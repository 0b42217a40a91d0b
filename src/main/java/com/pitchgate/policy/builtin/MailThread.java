package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import com.pitchgate.text.LineStartMatches;
import java.lang.ref.WeakReference;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message stands among others: a reply in a conversation, a post to a discussion list.
 * Replies carry In-Reply-To or References; a prospecting tool's follow-up carries them too, but it
 * refers and quotes only its own sender's earlier messages, where a reply in a real thread refers
 * to someone else's.
 *
 * <p>Whether a reply quotes only itself is read from its body once per pitch (the bulk and correspondence
 * policies both ask), and its attributions are looked for at line starts only: find() tried the pattern at
 * every character of a reply's body.
 */
final class MailThread {

    /** "On Tue, Mar 3, 2025, Jane Doe <jane@x.example> wrote:", "Le 3 mars 2025, Jane a écrit :", "[Jane Doe]". */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?im)^(?:>\\s*)*(?:(.{0,160}?)\\s+(?:wrote|writes|a écrit|a ecrit)\\s*:|\\[([^\\]\\n]{2,60})\\]\\s*$)");

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>@\\s]+@([^<>\\s]+)>");

    private MailThread() {
    }

    /** A reply: the message names the one it answers. */
    static boolean isReply(Pitch pitch) {
        return pitch.header("In-Reply-To").isPresent() || pitch.header("References").isPresent();
    }

    /**
     * A reply whose quoted attributions all name its own sender: a follow-up to one's own unanswered
     * message. A reply that names nobody it quotes is taken for a real one.
     */
    static boolean quotesOnlyItself(Pitch pitch) {
        LastReading last = LAST_READING.get();
        if (last != null && last.body().get() == pitch.body() && last.sender().get() == pitch.sender()) {
            return last.quotesOnlyItself();
        }
        boolean quotesOnlyItself = mayHoldAttribution(pitch.body()) && attributionsAllNameSender(pitch);
        LAST_READING.set(new LastReading(new WeakReference<>(pitch.body()), new WeakReference<>(pitch.sender()), quotesOnlyItself));
        return quotesOnlyItself;
    }

    /** Whether the body holds attributions and each names the sender; {@link #ATTRIBUTION} is tried at line starts only. */
    private static boolean attributionsAllNameSender(Pitch pitch) {
        LineStartMatches attributions = new LineStartMatches(ATTRIBUTION, pitch.body());
        boolean any = false;
        for (int from = 0; attributions.find(from); from = attributions.matcher().end()) {
            Matcher attribution = attributions.matcher();
            String who = Optional.ofNullable(attribution.group(1)).orElse(attribution.group(2)).toLowerCase(Locale.ROOT);
            if (!namesSender(who, pitch)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** As {@link #quotesOnlyItself}, with find() over the whole body and nothing remembered: for tests. */
    static boolean quotesOnlyItselfScanning(Pitch pitch) {
        Matcher attribution = ATTRIBUTION.matcher(pitch.body());
        boolean any = false;
        while (attribution.find()) {
            String who = Optional.ofNullable(attribution.group(1)).orElse(attribution.group(2)).toLowerCase(Locale.ROOT);
            if (!namesSender(who, pitch)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The last answer of {@link #quotesOnlyItself}, per thread, with what it was read from: the bulk and
     * correspondence policies both ask it of the same pitch, and a long reply was read twice. It depends
     * only on the body and the sender (immutable: a String and a record of Strings), compared by identity;
     * held weakly, so that a thread keeps no long body alive after its pitch (one gone is read again).
     */
    private record LastReading(WeakReference<String> body, WeakReference<Pitch.Address> sender, boolean quotesOnlyItself) {
    }

    private static final ThreadLocal<LastReading> LAST_READING = new ThreadLocal<>();

    /**
     * Whether {@link #ATTRIBUTION} may match: only where the text holds a '[', "wrote", "writes" or the
     * "crit" of "écrit". The pattern tries its lazy 160 characters at each line start, costly on a long
     * reply that quotes nobody. Its first letters match in ASCII case only, the rest is compared here in
     * any case (regionMatches folds beyond ASCII too), so a text this turns down holds no match.
     */
    static boolean mayHoldAttribution(String text) {
        if (text.indexOf('[') >= 0) {
            return true;
        }
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if ((c == 'w' || c == 'W') && (text.regionMatches(true, at + 1, "rote", 0, 4) || text.regionMatches(true, at + 1, "rites", 0, 5))
                    || (c == 'c' || c == 'C') && text.regionMatches(true, at + 1, "rit", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A reply whose every referenced message was written on the sender's own domain (the part of a
     * Message-ID after its {@code @}): the sender follows up on their own messages, which nobody here
     * answered.
     */
    static boolean referencesOnlyItsOwn(Pitch pitch) {
        String domain = pitch.sender().domain().toLowerCase(Locale.ROOT);
        if (domain.isBlank()) {
            return false;
        }
        String references = pitch.header("References").orElse("") + " " + pitch.header("In-Reply-To").orElse("");
        Matcher id = MESSAGE_ID.matcher(references);
        boolean any = false;
        while (id.find()) {
            String host = id.group(1).toLowerCase(Locale.ROOT);
            if (!(host.equals(domain) || host.endsWith("." + domain))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** A reply in a conversation with someone else: not a seller chasing their own pitch. */
    static boolean isConversation(Pitch pitch) {
        return isReply(pitch) && !quotesOnlyItself(pitch) && !referencesOnlyItsOwn(pitch);
    }

    /** A post to a list one can post to (List-Post): a discussion, not a newsletter. */
    static Optional<String> discussionList(Pitch pitch) {
        return pitch.header("List-Post").map(String::strip);
    }

    private static boolean namesSender(String attribution, Pitch pitch) {
        Pitch.Address sender = pitch.sender();
        if (!sender.email().isBlank() && attribution.contains(sender.email().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String name = sender.name().strip().toLowerCase(Locale.ROOT);
        return !name.isEmpty() && attribution.contains(name);
    }
}
