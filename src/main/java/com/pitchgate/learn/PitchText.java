package com.pitchgate.learn;

import com.pitchgate.spi.Pitch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a model reads of a pitch, the same whether the pitch is being screened or comes back from
 * the store as a training example.
 *
 * @param attachmentText the text of all attachments, one after the other
 * @param language       the detected language (ISO 639-1), as the analyser stored it
 * @param fitMatches     the profile phrases the analyser found in the pitch, by profile field
 *                       ({@link Pitch.Fit#matches()})
 */
public record PitchText(String channel, String subject, String body, String attachmentText, String language,
        Set<String> marks, Map<String, List<String>> fitMatches) {

    public PitchText {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        attachmentText = attachmentText == null ? "" : attachmentText;
        language = language == null ? "und" : language;
        marks = marks == null ? Set.of() : Set.copyOf(marks);
        fitMatches = fitMatches == null ? Map.of() : Map.copyOf(fitMatches);
    }

    public static PitchText of(Pitch pitch) {
        String attachments = pitch.attachments().stream().map(Pitch.Attachment::text).collect(Collectors.joining("\n"));
        return new PitchText(pitch.channel(), pitch.subject(), pitch.body(), attachments, pitch.language(), pitch.marks(),
                pitch.fit().matches());
    }
}
