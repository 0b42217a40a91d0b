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

    /** The n-grams of one or two ASCII chars are found by their chars: in the same slot as through the table. */
    @Test
    void findsAsciiNgramsInTheSlotTheTableGives() {
        NgramModel shipped = NgramModel.of(LanguageIdentifier.openNlpModel());
        int known = 0;
        for (char first = 0; first < 200; first++) {
            char[] one = {first};
            assertThat(shipped.slotAt(one, 0, 1)).isEqualTo(shipped.hashedSlotAt(one, 0, 1));
            for (char second = 0; second < 200; second++) {
                char[] two = {'x', first, second, 'y'};
                int slot = shipped.slotAt(two, 1, 2);
                assertThat(slot).as("%d %d", (int) first, (int) second).isEqualTo(shipped.hashedSlotAt(two, 1, 2));
                known += slot >= 0 ? 1 : 0;
            }
        }
        assertThat(known).as("2-grams the model knows").isGreaterThan(1_000);
        char[] text = "e\u00e9\u4e00 a".toCharArray();
        for (int start = 0; start + 3 <= text.length; start++) {
            assertThat(shipped.slotAt(text, start, 3)).isEqualTo(shipped.hashedSlotAt(text, start, 3));
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
