package com.pitchgate.analyze;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a word says, by how rare it is in pitches at large: the inverse document frequency of
 * each stem over the French and English texts shipped for the kind categoriser (a few thousand
 * messages of every kind). "Coffee" and "crypto" are rare there; "service", "team" and "space" are
 * everywhere, and a profile phrase is not matched on them alone. Immutable once built.
 */
public final class TermWeights {

    private final Map<String, Integer> documentFrequency;
    private final int documents;

    private TermWeights(Map<String, Integer> documentFrequency, int documents) {
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    /** The weights of the shipped corpus. */
    public static TermWeights shipped() {
        return Shipped.INSTANCE;
    }

    /** Weights from these texts, each stemmed in its own language. */
    static TermWeights of(List<KindClassifier.Example> texts, TextAnalyzer analyzer) {
        Map<String, Integer> frequency = new HashMap<>();
        for (KindClassifier.Example text : texts) {
            String language = TextAnalyzer.canStem(text.language()) ? text.language() : "en";
            Set<String> distinct = new HashSet<>(analyzer.stems(text.text(), language));
            distinct.forEach(stem -> frequency.merge(stem, 1, Integer::sum));
        }
        return new TermWeights(Map.copyOf(frequency), texts.size());
    }

    /** The inverse document frequency of a stem: 1 for a stem in every text, more the rarer it is. */
    public double idf(String stem) {
        int frequency = documentFrequency.getOrDefault(stem, 0);
        return Math.log((documents + 1.0) / (frequency + 1.0)) + 1.0;
    }

    private static final class Shipped {
        static final TermWeights INSTANCE = of(KindClassifier.shippedExamples(), new TextAnalyzer());
    }
}
