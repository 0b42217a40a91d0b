package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;

/** Rows for the common n-grams change how the weights are added, not the probabilities, to the last bit. */
class NgramModelTest {

    @Test
    void givesTheSameProbabilitiesWithOrWithoutRows() {
        MaxentModel model = LanguageIdentifier.openNlpModel();
        NgramModel sparse = NgramModel.of(model, model.getNumOutcomes() + 1);
        NgramModel shipped = NgramModel.of(model);
        NgramModel manyRows = NgramModel.of(model, 10);
        DetectorNormaliser normaliser = new DetectorNormaliser();
        String[] words = {"bonjour", "nous", "proposons", "des", "bureaux", "hello", "we", "offer", "desks", "straße", "ΟΔΥΣΣΕΥΣ",
            "日本語", "привет", "café", "ça", "q", "zz", "xyz", "İstanbul", "é", "the", "de", "la", "und", "der", "el", "y"};
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i >= 0; i--) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            String normalised = normaliser.normalise(text);
            double[] expected = sparse.probabilities(normalised);
            assertThat(shipped.probabilities(normalised)).as(normalised).containsExactly(expected);
            assertThat(manyRows.probabilities(normalised)).as(normalised).containsExactly(expected);
            assertThat(shipped.probabilitiesRowByRow(normalised)).as(normalised).containsExactly(expected);
        }
    }

    /** Rows that follow one another are added a block of languages at a time: the same sums as one row at a time. */
    @Test
    void addsRowsInBlocksToTheLastBit() {
        NgramModel shipped = NgramModel.of(LanguageIdentifier.openNlpModel());
        DetectorNormaliser normaliser = new DetectorNormaliser();
        java.util.List<String> texts = new java.util.ArrayList<>(KindClassifier.shippedTexts());
        texts.addAll(java.util.List.of("", "a", "straße ΟΔΥΣΣΕΥΣ 日本語 привет café", "zzzz qqqq xxxx"));
        for (String text : texts) {
            String normalised = normaliser.normalise(text.length() > 1_000 ? text.substring(0, 1_000) : text);
            assertThat(shipped.probabilities(normalised)).as(normalised).containsExactly(shipped.probabilitiesRowByRow(normalised));
        }
    }
}
