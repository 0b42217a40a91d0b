package com.pitchgate.outbound;

import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.OddHeader;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Pitch.Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reply to a pitch's sender needs of the pitch, and nothing more (issue 24): to whom, in
 * which language, on which subject and thread, and the headers {@link ReplyGuards} weigh. Taken
 * from the pitch as screened and stored with it, so that a reply asked for later ("decline and
 * reply") reads these instead of reading the message again.
 *
 * @param senderDoubt  why the sender is in doubt (none, several, one read from elsewhere than From); then nobody is answered
 * @param references   the pitch's References header, which the reply's continues
 * @param guardHeaders the headers the reply guards read ({@link #GUARD_HEADERS}), by lower-case name
 */
public record ReplyFacts(String channel, Address sender, Optional<String> senderDoubt, String subject, String language,
        Optional<String> messageId, Optional<String> references, Map<String, List<String>> guardHeaders) {

    /** The headers {@link ReplyGuards} reads; a new guard on another header adds it here. */
    static final List<String> GUARD_HEADERS = List.of("precedence", "list-unsubscribe", "list-id", "auto-submitted",
            "x-autoreply", "x-autorespond", "x-auto-response-suppress", "return-path", "authentication-results",
            "received-spf");

    public ReplyFacts {
        guardHeaders = Map.copyOf(guardHeaders);
    }

    /** The facts of a pitch just screened. */
    public static ReplyFacts of(ExtractedPitch extracted, Pitch pitch) {
        return of(pitch.channel(), pitch.sender(), extracted.senderInDoubt().map(OddHeader::detail), pitch.subject(),
                pitch.language(), extracted.messageId(), pitch.headers());
    }

    /** The facts from what is known of a pitch; {@code headers} by lower-case name, of which only the guards' are kept. */
    public static ReplyFacts of(String channel, Address sender, Optional<String> senderDoubt, String subject, String language,
            Optional<String> messageId, Map<String, List<String>> headers) {
        Map<String, List<String>> guarded = new LinkedHashMap<>();
        for (String name : GUARD_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty()) {
                guarded.put(name, List.copyOf(values));
            }
        }
        Optional<String> references = Optional.ofNullable(headers.get("references")).filter(v -> !v.isEmpty()).map(v -> v.get(0));
        return new ReplyFacts(channel, sender, senderDoubt, subject, language, messageId, references, guarded);
    }

    /** The first value of a header, by case-insensitive name, as {@link Pitch#header} gives it. */
    Optional<String> header(String name) {
        List<String> values = guardHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
