package com.pitchgate.support;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message that travels as exactly the bytes it was given, over SMTP (with an envelope sender of
 * its own, {@code <>} for a bounce) or in an IMAP APPEND: Jakarta Mail would otherwise add a Date,
 * a Message-ID or a From to it, which are what the tests of odd headers need left out.
 */
public final class RawMail extends SMTPMessage {

    private final byte[] raw;

    /** @param envelopeFrom the SMTP MAIL FROM, "&lt;&gt;" for none; null for the session's */
    public RawMail(Session session, byte[] raw, String envelopeFrom) {
        super(session);
        this.raw = raw.clone();
        if (envelopeFrom != null) {
            setEnvelopeFrom(envelopeFrom);
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(raw);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        out.write(raw);
    }

    @Override
    public void saveChanges() {
        // sent as given
    }

    @Override
    public int getSize() {
        return raw.length;
    }
}
