package com.pitchgate.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleSubjectTest {

    /** What words were before the loop: the runs between characters that are neither letters nor numbers. */
    private static Set<String> bySplitting(String text) {
        Set<String> words = new HashSet<>(Arrays.asList(Pattern.compile("[^\\p{L}\\p{N}]+").split(text)));
        words.remove("");
        return words;
    }

    @Test
    void wordsAreTheRunsOfLettersAndNumbers() {
        assertThat(RuleSubject.words("café-crème, 2 €/m²; l'été ½ 𝔘nicode")).containsExactlyInAnyOrder(
                "café", "crème", "2", "m²", "l", "été", "½", "𝔘nicode");
    }

    @Test
    void findsTheSameWordsAsSplittingOnRandomText() {
        Random random = new Random(7);
        String[] pieces = {"a", "É", "é", "1", "²", "½", "Ⅻ", " ", "-", "'", "\n", "\u0301", "𝔘", "_", "€"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(RuleSubject.words(text.toString())).as(text.toString()).isEqualTo(bySplitting(text.toString()));
        }
    }
}
