package com.pitchgate.extract;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The header block of one raw RFC 822 message, parsed once (issue 24): intake reads its Message-ID
 * from it, and extraction builds its {@link MimeMessage} on it instead of parsing the headers again.
 * Parsed as extraction has always read them, raw UTF-8 allowed (RFC 6532).
 */
public final class MailHeaders {

    /** Every header parse in this process, for the {@code HeaderParses} metric and the test that counts them. */
    private static final LongAdder PARSES = new LongAdder();

    private final byte[] raw;
    private final InternetHeaders headers;
    private final int bodyStart;
    private final Optional<String> messageId;

    private MailHeaders(byte[] raw, InternetHeaders headers, int bodyStart) {
        this.raw = raw;
        this.headers = headers;
        this.bodyStart = bodyStart;
        this.messageId = Optional.ofNullable(headers.getHeader("Message-ID", null)).map(String::strip).filter(id -> !id.isEmpty());
    }

    /** Parses the headers of {@code raw}, after an mbox "From " line if there is one. */
    public static MailHeaders parse(byte[] raw) throws MessagingException {
        PARSES.increment();
        int start = MboxSeparator.length(raw);
        // Shared: the body that follows is a view of the raw bytes, as MimeMessage itself would make it.
        SharedByteArrayInputStream in = new UnlockedByteArrayInputStream(raw, start, raw.length - start);
        InternetHeaders headers = new InternetHeaders(in, true);
        return new MailHeaders(raw, headers, start + (int) in.getPosition());
    }

    /** How many header blocks this process has parsed. */
    public static long parses() {
        return PARSES.sum();
    }

    /** The raw message these headers were parsed from. */
    public byte[] raw() {
        return raw;
    }

    /** The Message-ID as written, stripped; empty when there is none. */
    public Optional<String> messageId() {
        return messageId;
    }

    /**
     * The Message-ID as duplicates are recognised by: as read before issue 24, byte for byte as
     * ISO-8859-1, so that a message resent after the upgrade still finds its first copy (Message-IDs
     * are ASCII; this only matters for the odd one that is not).
     */
    public Optional<String> duplicateKey() {
        return messageId.map(id -> new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.getHeader(name, null);
    }

    /** The message on these headers, its body a view of the raw bytes: no second parse. */
    MimeMessage message(Session session) {
        return new Parsed(session, headers, new UnlockedByteArrayInputStream(raw, bodyStart, raw.length - bodyStart));
    }

    /** A message whose headers were parsed already: what {@code MimeMessage(session, in)} builds, minus the parse. */
    private static final class Parsed extends MimeMessage {
        Parsed(Session session, InternetHeaders parsed, SharedByteArrayInputStream body) {
            super(session);
            headers = parsed;
            contentStream = body;
            modified = false;
            saved = true;
        }
    }
}
