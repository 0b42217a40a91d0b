package com.pitchgate.ingest;

import com.pitchgate.extract.MailExtractor;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks a raw message passes before it is stored: it must start with RFC 822 headers and
 * name a sender. Anything else is refused now, while the client can still hear about it.
 */
public final class RawMessageCheck {

    private static final Pattern HEADER_LINE = Pattern.compile("^[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:");
    private static final int FIRST_LINE_LIMIT = 1_000;

    private RawMessageCheck() {
    }

    /** The message's Message-ID, if it has one. */
    public static Optional<String> check(byte[] raw) {
        if (raw.length == 0) {
            throw new InvalidPitchException("the message is empty");
        }
        String start = new String(raw, 0, Math.min(raw.length, FIRST_LINE_LIMIT), StandardCharsets.ISO_8859_1);
        String firstLine = start.lines().findFirst().orElse("");
        if (firstLine.startsWith("From ")) {
            throw new InvalidPitchException("not an RFC 822 message: it starts with an mbox \"From \" line; send one message without it");
        }
        if (!HEADER_LINE.matcher(firstLine).find()) {
            throw new InvalidPitchException("not an RFC 822 message: it must start with header lines such as \"From: ...\"");
        }
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new InvalidPitchException("not an RFC 822 message: its headers cannot be read (" + e.getMessage() + ")");
        }
        String from = headers.getHeader("From", ",");
        if (from == null || from.isBlank()) {
            throw new InvalidPitchException("not an RFC 822 message: it has no From header");
        }
        if (MailExtractor.firstAddress(from).isEmpty()) {
            throw new InvalidPitchException("the From header holds no e-mail address: \"" + abbreviate(from) + "\"");
        }
        return Optional.ofNullable(headers.getHeader("Message-ID", null)).map(String::strip).filter(id -> !id.isEmpty());
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
