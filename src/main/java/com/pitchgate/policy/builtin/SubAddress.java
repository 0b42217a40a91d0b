package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipient address tagged for one sender ({@code sophie+pixelweekly@}, {@code jm-cuteftp@}, RFC
 * 5233's sub-addressing): people give a shop or a newsletter an address of its own, so mail to it
 * comes from someone the reader signed up with. The tag must name the sender (in the subject or the
 * sender's domain): a bought list does not know which tag the reader gave to whom, and a tag that
 * names someone else is the leak, not the sender. A hyphen also joins compound first names
 * ("jean-pierre@"): the sender's own name is not read, and the policy asks this only of mail that
 * reads as a newsletter, never of a one-to-one offer.
 */
final class SubAddress {

    private static final Pattern ADDRESS = Pattern.compile("([a-z0-9._%+-]+)@[a-z0-9.-]+\\.[a-z]{2,}");
    /** The part after the delimiter of a tagged local part: letters and digits, at least four, one letter. */
    private static final Pattern TAGGED = Pattern.compile("^[a-z0-9._]+?[+-]([a-z0-9]*[a-z][a-z0-9]*)$");
    private static final int MIN_TAG = 4;
    /**
     * Role addresses written with a delimiter ("sales-team@", "info-desk@"): the second word says what
     * the mailbox is for, not whom it was given to, and a subject may well use it.
     */
    private static final Set<String> ROLE_WORDS = Set.of("team", "desk", "office", "info", "contact", "hello", "sales",
            "support", "admin", "news", "list", "lists", "owner", "request", "bounce", "bounces", "reply", "noreply",
            "jobs", "press", "billing", "accounts", "help", "mail", "users", "talk", "devel", "announce", "digest");
    /** Headers whose presence says the recipient is a list's address, not the reader's own. */
    private static final List<String> LIST_HEADERS = List.of("list-id", "list-post", "mailing-list");

    private SubAddress() {
    }

    /** The tagged recipient address whose tag names the sender, e.g. "jm-cuteftp@example.org". */
    static Optional<String> namingSender(Pitch pitch) {
        if (LIST_HEADERS.stream().anyMatch(header -> pitch.headers().containsKey(header))) {
            return Optional.empty();
        }
        String subject = pitch.subject().toLowerCase(Locale.ROOT);
        String senderDomain = pitch.sender().domain().toLowerCase(Locale.ROOT);
        for (String header : List.of("to", "cc")) {
            for (String value : pitch.headers().getOrDefault(header, List.of())) {
                Matcher address = ADDRESS.matcher(value.toLowerCase(Locale.ROOT));
                while (address.find()) {
                    Matcher tagged = TAGGED.matcher(address.group(1));
                    if (tagged.matches() && namesSender(tagged.group(1), subject, senderDomain)) {
                        return Optional.of(address.group());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean namesSender(String tag, String subject, String senderDomain) {
        if (tag.length() < MIN_TAG || ROLE_WORDS.contains(tag)) {
            return false;
        }
        return containsWord(subject, tag) || containsWord(senderDomain.replace('.', ' ').replace('-', ' '), tag);
    }

    /** The tag as a word of its own, or as the start of one ("cuteftp" in "CuteFTP's"). */
    private static boolean containsWord(String text, String tag) {
        int from = 0;
        while (true) {
            int at = text.indexOf(tag, from);
            if (at < 0) {
                return false;
            }
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
            from = at + 1;
        }
    }
}
