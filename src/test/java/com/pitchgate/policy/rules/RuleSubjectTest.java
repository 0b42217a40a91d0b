package com.pitchgate.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.RandomTexts;
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

    private static Set<String> words(String text, Set<String> wanted) {
        return RuleSubject.words(text, RuleSubject.Vocabulary.of(wanted));
    }

    @Test
    void wordsAreTheRunsOfLettersAndNumbersThatTheRulesLookFor() {
        assertThat(words("café-crème, 2 €/m²; l'été ½ 𝔘nicode",
                Set.of("café", "crème", "2", "m²", "l", "été", "½", "𝔘nicode", "absent", "é", "caf")))
                .containsExactlyInAnyOrder("café", "crème", "2", "m²", "l", "été", "½", "𝔘nicode");
        assertThat(words("crypto, nft", Set.of())).isEmpty();
        // "Aa" and "BB" have the same hash: a wanted word's hash is not enough.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(words("BB", Set.of("Aa"))).isEmpty();
        assertThat(words("BB Aa", Set.of("Aa"))).containsExactly("Aa");
    }

    @Test
    void findsTheSameWordsAsSplittingOnRandomText() {
        Random random = new Random(7);
        String[] pieces = {"a", "É", "é", "1", "²", "½", "Ⅻ", " ", "-", "'", "\n", "\u0301", "𝔘", "_", "€"};
        for (int round = 0; round < 20_000; round++) {
            String text = RandomTexts.join(random, pieces, random.nextInt(20));
            Set<String> all = bySplitting(text);
            Set<String> wanted = new HashSet<>(Set.of("a1", "éé", "zz"));
            all.stream().filter(word -> random.nextBoolean()).forEach(wanted::add);
            Set<String> expected = new HashSet<>(all);
            expected.retainAll(wanted);
            assertThat(words(text, wanted)).as(text + " for " + wanted).isEqualTo(expected);
        }
    }
}
