package com.pitchgate.extract;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the encoded-words (RFC 2047, {@code =?charset?Q?...?=}) of a header value, as leniently
 * as mail clients do: also those written against a word or against each other, which Jakarta Mail
 * leaves as they are unless a JVM-wide property says otherwise. A word in an unknown charset or
 * whose encoding is broken is kept as written, and the result says so.
 */
final class EncodedWords {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[ \\t]+");

    private EncodedWords() {
    }

    /** A header value decoded; {@code complete} is false when some encoded-word could not be decoded. */
    record Decoded(String text, boolean complete) {
    }

    static Decoded decode(String value) {
        if (value == null) {
            return new Decoded("", true);
        }
        String unfolded = value.replace("\r\n", "").replace("\n", "");
        String text;
        try {
            text = MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            text = unfolded;
        }
        // Every encoded-word starts with "=?": most header values hold none, and a search for two chars
        // costs far less than the pattern tried at each position.
        Matcher word = text.indexOf("=?") < 0 ? null : ENCODED_WORD.matcher(text);
        if (word == null || !word.find()) {
            return new Decoded(text.strip(), true);
        }
        StringBuilder decoded = new StringBuilder();
        boolean complete = true;
        int last = 0;
        boolean previousDecoded = false;
        do {
            String between = text.substring(last, word.start());
            // Blanks between two encoded-words are folding, not text (RFC 2047, 6.2).
            if (!(previousDecoded && BETWEEN_WORDS.matcher(between).matches())) {
                decoded.append(between);
            }
            try {
                decoded.append(MimeUtility.decodeWord(word.group()));
                previousDecoded = true;
            } catch (jakarta.mail.internet.ParseException | UnsupportedEncodingException | RuntimeException e) {
                decoded.append(word.group());
                complete = false;
                previousDecoded = false;
            }
            last = word.end();
        } while (word.find());
        decoded.append(text, last, text.length());
        return new Decoded(decoded.toString().strip(), complete);
    }
}
