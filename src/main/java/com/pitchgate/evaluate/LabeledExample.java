package com.pitchgate.evaluate;

import com.pitchgate.spi.Queue;
import java.nio.file.Path;

/**
 * One pitch of a labelled data set, ready to screen, with what a person expects of it.
 *
 * @param file           where it was read, relative to the data set's folder
 * @param channel        {@code email} for an {@code .eml} file, {@code form} for a {@code .json} one
 * @param raw            the pitch as the server would receive it, labels removed
 * @param genuineInquiry someone who wants something from the space: declining it is the worst error
 * @param label          what kind of case it is ({@code inquiry}, {@code known_intro}, {@code bulk},
 *                       {@code ham}, {@code spam}...), for figures by case; empty when not given
 */
public record LabeledExample(Path file, String channel, byte[] raw, Queue expected, boolean genuineInquiry, String label) {

    public static final String INQUIRY = "inquiry";
    public static final String KNOWN_INTRO = "known_intro";
    public static final String HAM = "ham";
    public static final String SPAM = "spam";

    public LabeledExample {
        label = label == null ? "" : label;
        genuineInquiry = genuineInquiry || label.equals(INQUIRY);
    }

    public LabeledExample(Path file, String channel, byte[] raw, Queue expected, boolean genuineInquiry) {
        this(file, channel, raw, expected, genuineInquiry, "");
    }

    /** A pitch that names or copies someone the space knows: it must be forwarded. */
    public boolean knownIntro() {
        return label.equals(KNOWN_INTRO);
    }

    /** Real mail that is not spam: it must never be declined. */
    public boolean ham() {
        return label.equals(HAM);
    }

    public boolean spam() {
        return label.equals(SPAM);
    }

    /** Whether the message carries the headers of a mailing list or of bulk mail. */
    public boolean hasListHeaders() {
        String text = new String(raw, 0, Math.min(raw.length, 64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        String headers = (end < 0 ? text : text.substring(0, end)).toLowerCase(java.util.Locale.ROOT);
        return headers.contains("\nlist-id:") || headers.contains("\nlist-unsubscribe:") || headers.contains("\nlist-post:")
                || headers.matches("(?s).*\nprecedence:\\s*(bulk|list|junk).*") || headers.contains("\nmailing-list:");
    }
}
