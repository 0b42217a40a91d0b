package com.pitchgate.extract;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Plain-text attachments read directly, without Tika. Tika's text parser sniffs the charset and
 * whether the text is CSV over the whole content, which cost more than all the rest of extracting a
 * message with a large text attachment. Only text that decodes cleanly in its declared charset (or
 * UTF-8, when none is declared) is read here; anything else, such as a PDF sent as text/plain, goes
 * to Tika, which finds out what it really is.
 */
final class PlainText {

    private PlainText() {
    }

    static Optional<ExtractedText> read(byte[] content, String contentType, int maxChars) {
        Optional<Charset> charset = declaredTextCharset(contentType);
        if (charset.isEmpty()) {
            return Optional.empty();
        }
        // Decodes no further than the text kept: a full buffer stops the decoder.
        CharBuffer decoded = CharBuffer.allocate(Math.min(maxChars, content.length) + 1);
        CoderResult result = charset.get().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content), decoded, true);
        if (result.isError()) {
            return Optional.empty();
        }
        decoded.flip();
        String text = decoded.toString();
        if (text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Optional<String> problem = Optional.empty();
        if (result.isOverflow() || text.length() > maxChars) {
            text = text.substring(0, maxChars);
            problem = Optional.of("text cut at " + maxChars + " characters");
        }
        return Optional.of(new ExtractedText(TikaTextExtractor.normalise(text), "text/plain", problem));
    }

    /** The charset of a text/plain part; empty for other types and for charsets this JVM does not know. */
    private static Optional<Charset> declaredTextCharset(String contentType) {
        try {
            ContentType type = new ContentType(contentType);
            if (!type.match("text/plain")) {
                return Optional.empty();
            }
            String name = type.getParameter("charset");
            if (name == null || name.isBlank()) {
                return Optional.of(StandardCharsets.UTF_8);
            }
            String javaName = MimeUtility.javaCharset(name.strip());
            return Charset.isSupported(javaName) ? Optional.of(Charset.forName(javaName)) : Optional.empty();
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
