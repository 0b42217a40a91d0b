package com.pitchgate.learn;

import com.pitchgate.analyze.Analyzer;
import com.pitchgate.analyze.TextAnalyzer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features a document categoriser sees in a pitch: the Snowball stems the analyser computes (in
 * the pitch's language, French and English alike), pairs of neighbouring stems ("look_offic" is not
 * "offic" alone), the profile phrases the analyser matched (a stated need, an unwanted offer, what a
 * member is open to: the model learns what the manager makes of each), and a few marks of form:
 * channel, language, length, a question, a link, an attachment, and the extractor's marks such as
 * {@code tracking_pixel}. Each feature counts once per pitch, so that a long pitch does not outweigh
 * a short one by repetition. Thread-safe.
 */
public final class PitchFeatures {

    /** Bumped whenever features change: models trained with other features are not loaded. */
    public static final int VERSION = 1;

    /** Attachments (brochures, decks) run long; what the sender wrote to this space should dominate. */
    private static final int MAX_ATTACHMENT_STEMS = 300;
    private static final int SHORT = 15;
    private static final int LONG = 60;

    private final TextAnalyzer text = new TextAnalyzer();

    public String[] of(PitchText pitch, List<String> spaceLanguages) {
        String language = Analyzer.stemLanguage(pitch.language(), spaceLanguages);
        String writtenText = pitch.subject() + "\n" + pitch.body();
        List<String> written = text.stems(writtenText, language);
        List<String> attached = text.stems(pitch.attachmentText(), language);
        attached = attached.subList(0, Math.min(attached.size(), MAX_ATTACHMENT_STEMS));
        Set<String> features = new LinkedHashSet<>();
        words(written, features);
        words(attached, features);
        features.add("channel=" + pitch.channel());
        features.add("lang=" + pitch.language());
        features.add("len=" + (written.size() < SHORT ? "short" : written.size() < LONG ? "medium" : "long"));
        if (writtenText.indexOf('?') >= 0) {
            features.add("has=question");
        }
        if (writtenText.contains("http://") || writtenText.contains("https://") || writtenText.contains("www.")) {
            features.add("has=link");
        }
        if (!pitch.attachmentText().isBlank()) {
            features.add("has=attachment");
        }
        pitch.marks().forEach(mark -> features.add("mark=" + mark));
        pitch.fitMatches().forEach((field, phrases) -> {
            // "tom-hale.openTo": the kind of match is what generalises; the phrase itself is specific.
            features.add("fit=" + field.substring(field.lastIndexOf('.') + 1));
            phrases.forEach(phrase -> features.add("match=" + phrase.toLowerCase(Locale.ROOT).replace(' ', '_')));
        });
        return features.toArray(String[]::new);
    }

    private static void words(List<String> stems, Set<String> features) {
        for (int i = 0; i < stems.size(); i++) {
            features.add("w=" + stems.get(i));
            if (i > 0) {
                features.add("b=" + stems.get(i - 1) + "_" + stems.get(i));
            }
        }
    }
}
