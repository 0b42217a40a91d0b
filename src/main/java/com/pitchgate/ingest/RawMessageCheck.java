package com.pitchgate.ingest;

import com.pitchgate.extract.MailHeaders;
import com.pitchgate.extract.MboxSeparator;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The checks a raw message passes before it is stored: it must be a message at all, that is, start
 * with RFC 822 headers (after an mbox "From " line, which is set aside). What those headers say is
 * not checked here: a message without a From, with several, or with no address in it, is mail that
 * filters screen, and it is stored and decided like any other, its decision saying what was odd.
 * Anything else is refused now, while the client can still hear about it.
 */
public final class RawMessageCheck {

    private static final Pattern HEADER_LINE = Pattern.compile("^[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:");
    private static final int FIRST_LINE_LIMIT = 1_000;

    private RawMessageCheck() {
    }

    /**
     * Checks the message and parses its headers, the one time they are parsed on the way in (issue 24):
     * screening reads the message on these headers.
     */
    public static MailHeaders check(byte[] raw) {
        startsWithHeaders(raw);
        try {
            return MailHeaders.parse(raw);
        } catch (MessagingException e) {
            throw new InvalidPitchException("not an RFC 822 message: its headers cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The check without the parse: the message is not empty and starts with a header line. For the
     * SMTP intake, which checks the message as the client sent it and parses it with its trace lines.
     */
    public static void startsWithHeaders(byte[] raw) {
        if (raw.length == 0) {
            throw new InvalidPitchException("the message is empty");
        }
        int start = MboxSeparator.length(raw);
        if (start == raw.length) {
            throw new InvalidPitchException("not an RFC 822 message: there is nothing after its mbox \"From \" line");
        }
        String head = new String(raw, start, Math.min(raw.length - start, FIRST_LINE_LIMIT), StandardCharsets.ISO_8859_1);
        String firstLine = head.lines().findFirst().orElse("");
        if (!HEADER_LINE.matcher(firstLine).find()) {
            throw new InvalidPitchException("not an RFC 822 message: it must start with header lines such as \"From: ...\"");
        }
    }
}
