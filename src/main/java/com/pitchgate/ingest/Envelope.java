package com.pitchgate.ingest;

import com.pitchgate.extract.MailHeaders;
import com.pitchgate.space.Space;
import java.time.Instant;
import java.util.Optional;

/**
 * One pitch as intake received it, made once (issue 24) and handed to every later stage: the space
 * it was sent to (resolved, not an id to look up again), its channel, its bytes and their hash, when
 * it came, and, for mail, its headers, parsed once here so that extraction does not parse them again.
 *
 * @param channel {@link IntakeService#EMAIL} or {@link IntakeService#FORM}
 * @param raw     an RFC 822 message, or the canonical JSON of a form
 * @param sha256  the SHA-256 of {@code raw} in hex, by which a pitch without a Message-ID is
 *                recognised when it comes again; empty for a mail with one, recognised by that
 * @param headers a mail's parsed headers; empty for a form
 */
public record Envelope(Space space, String channel, byte[] raw, String sha256, Instant receivedAt,
        Optional<MailHeaders> headers) {

    /** The Message-ID duplicates are recognised by; empty for a form or a mail without one. */
    public Optional<String> duplicateKey() {
        return headers.flatMap(MailHeaders::duplicateKey);
    }

    /** The same message sent to another space as well (an SMTP message to several pitch addresses): parsed once for all. */
    public Envelope to(Space other) {
        return new Envelope(other, channel, raw, sha256, receivedAt, headers);
    }
}
