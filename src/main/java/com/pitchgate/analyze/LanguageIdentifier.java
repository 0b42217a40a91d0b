package com.pitchgate.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Detects the language of a pitch with OpenNLP's language detector model (from Maven Central, on
 * the class path). The model is unsure on short texts, so there French and English are decided by
 * counting their function words instead.
 */
public final class LanguageIdentifier {

    private static final String MODEL = "/langdetect-183.bin";
    private static final double CONFIDENT = 0.5;
    private static final int SHORT_TEXT_CHARS = 200;
    /**
     * Enough for the model to be sure; the cost of detection grows with the sample. Halved from 2,000:
     * the same language for each of the 205 mails of the benchmark corpus and the labelled set.
     */
    static final int SAMPLE_CHARS = 1_000;
    private static final double FUNCTION_WORD_SHARE = 0.25;

    /** ISO 639-3 (the model's codes) to ISO 639-1, for the languages a Snowball stemmer exists for. */
    private static final Map<String, String> TWO_LETTER = Map.ofEntries(
            Map.entry("eng", "en"), Map.entry("fra", "fr"), Map.entry("deu", "de"), Map.entry("spa", "es"),
            Map.entry("ita", "it"), Map.entry("por", "pt"), Map.entry("nld", "nl"), Map.entry("swe", "sv"),
            Map.entry("dan", "da"), Map.entry("nob", "no"), Map.entry("nno", "no"), Map.entry("fin", "fi"),
            Map.entry("rus", "ru"), Map.entry("hun", "hu"), Map.entry("ron", "ro"), Map.entry("tur", "tr"),
            Map.entry("cat", "ca"), Map.entry("gle", "ga"), Map.entry("ell", "el"), Map.entry("ind", "id"));

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}']+");

    /** The model's maximum-entropy classifier: immutable, evaluated by many threads at once. */
    private final NgramModel ngrams;
    private final DetectorNormaliser normaliser = new DetectorNormaliser();
    private final Set<String> english = WordLists.load("stopwords-en.txt");
    private final Set<String> french = WordLists.load("stopwords-fr.txt");

    public LanguageIdentifier() {
        this.ngrams = NgramModel.of(openNlpModel());
    }

    /** An ISO 639-1 code where one is known ({@code fr}, {@code en}...), or {@code und}. */
    public String identify(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.isBlank()) {
            return "und";
        }
        double[] probabilities = ngrams.probabilities(normaliser.normalise(sample));
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        String detected = ngrams.outcome(best);
        String code = TWO_LETTER.getOrDefault(detected, detected);
        boolean frenchOrEnglish = code.equals("fr") || code.equals("en");
        if (probabilities[best] >= CONFIDENT && (frenchOrEnglish || sample.length() >= SHORT_TEXT_CHARS)) {
            return code;
        }
        return byFunctionWords(sample).orElse(code);
    }

    /** French or English, when their function words make up a good share of the text's words. */
    private Optional<String> byFunctionWords(String text) {
        int en = 0;
        int fr = 0;
        String[] words = NON_WORD.split(text.toLowerCase(Locale.ROOT));
        for (String word : words) {
            if (english.contains(word)) {
                en++;
            }
            if (french.contains(word)) {
                fr++;
            }
        }
        if (en == fr || Math.max(en, fr) < FUNCTION_WORD_SHARE * words.length) {
            return Optional.empty();
        }
        return Optional.of(fr > en ? "fr" : "en");
    }

    /** The probability the model gives each language, by the model's index: for tests. */
    double[] probabilities(String text) {
        return ngrams.probabilities(normaliser.normalise(text));
    }

    /** The model, as OpenNLP reads it (tests compare with it). */
    static MaxentModel openNlpModel() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL + " is not on the class path");
            }
            return new LanguageDetectorModel(in).getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenNLP language model", e);
        }
    }
}
