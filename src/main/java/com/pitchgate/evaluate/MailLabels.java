package com.pitchgate.evaluate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The label headers of an {@code .eml} example ({@code X-Pitchgate-Expected-Queue},
 * {@code X-Pitchgate-Genuine-Inquiry}): read, then removed from the message, so that no policy can
 * see the answer.
 */
final class MailLabels {

    static final String EXPECTED_QUEUE = "x-pitchgate-expected-queue";
    static final String GENUINE_INQUIRY = "x-pitchgate-genuine-inquiry";
    static final String CASE = "x-pitchgate-case";
    private static final Set<String> LABELS = Set.of(EXPECTED_QUEUE, GENUINE_INQUIRY, CASE);

    /** The label values by lower-case header name, and the message without them. */
    record Split(Map<String, String> labels, byte[] message) {
    }

    private MailLabels() {
    }

    static Split split(byte[] raw) {
        // ISO-8859-1 maps every byte to one char and back: the message is returned byte for byte.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = headerEnd(text);
        List<String> fields = fields(text.substring(0, end));
        Map<String, String> labels = new LinkedHashMap<>();
        StringBuilder kept = new StringBuilder();
        for (String field : fields) {
            int colon = field.indexOf(':');
            String name = colon < 0 ? "" : field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (LABELS.contains(name)) {
                labels.put(name, field.substring(colon + 1).replaceAll("\\s+", " ").strip());
            } else {
                kept.append(field);
            }
        }
        kept.append(text, end, text.length());
        return new Split(labels, kept.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Where the header section ends: at its blank line, or at the end of a message that has no body. */
    private static int headerEnd(String text) {
        int lf = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 2;
        }
        return lf >= 0 ? lf + 1 : text.length();
    }

    /** Header fields with their line ends, each with its folded continuation lines. */
    private static List<String> fields(String headers) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (start < headers.length()) {
            int lineEnd = headers.indexOf('\n', start);
            int next = lineEnd < 0 ? headers.length() : lineEnd + 1;
            boolean continuation = headers.charAt(start) == ' ' || headers.charAt(start) == '\t';
            String line = headers.substring(start, next);
            if (continuation && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
            } else {
                fields.add(line);
            }
            start = next;
        }
        return fields;
    }
}
