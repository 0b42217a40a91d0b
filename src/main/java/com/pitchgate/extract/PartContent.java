package com.pitchgate.extract;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;

/**
 * The decoded bytes of a MIME part. Base64, how attachments and many bodies travel, is decoded with
 * the JDK's decoder over the raw bytes: Jakarta Mail's decoding stream works a byte at a time, and
 * decoding a 2 MB attachment with it was a third of the cost of screening the message
 * (docs/benchmarks.md). What the JDK's decoder refuses (a broken last group) is decoded by Jakarta Mail, which
 * is configured to be lenient.
 */
final class PartContent {

    private PartContent() {
    }

    /**
     * At most {@code max} bytes of the part's decoded content. A part that may decode to more is read
     * through Jakarta Mail's stream, which stops at {@code max}, so that an oversized attachment is
     * not decoded whole just to be cut.
     */
    static byte[] read(Part part, int max) throws MessagingException, IOException {
        Optional<byte[]> fast = part.getSize() >= 0 && part.getSize() * 3L / 4 <= max ? base64(part) : Optional.empty();
        if (fast.isPresent()) {
            return fast.get();
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(max);
        }
    }

    private static Optional<byte[]> base64(Part part) throws MessagingException, IOException {
        InputStream raw;
        if (part instanceof MimeBodyPart body && "base64".equalsIgnoreCase(body.getEncoding())) {
            raw = body.getRawInputStream();
        } else if (part instanceof MimeMessage message && "base64".equalsIgnoreCase(message.getEncoding())) {
            raw = message.getRawInputStream();
        } else {
            return Optional.empty();
        }
        try (raw) {
            return Optional.of(Base64.getMimeDecoder().decode(raw.readAllBytes()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
