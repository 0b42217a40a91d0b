package com.pitchgate.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CharacterPairsTest {

    @Test
    void aWordIsRuledOutOnlyWhenOneOfItsPairsIsMissing() {
        CharacterPairs pairs = CharacterPairs.of("a recommandé e-mail, réf. 12");
        assertThat(pairs.mayContain("recommandé")).isTrue();
        assertThat(pairs.mayContain("mail")).isTrue();
        assertThat(pairs.mayContain("e-mail")).isTrue();
        assertThat(pairs.mayContain("x")).isTrue();
        assertThat(pairs.mayContain("ref")).isFalse();
        assertThat(pairs.mayContain("referred")).isFalse();
        assertThat(pairs.mayContain("commanded")).isFalse();
    }

    /** Never "no" for a word that is there, whatever its characters (pairs of chars far apart share bits). */
    @Test
    void neverRulesOutAWordTheTextContains() {
        Random random = new Random(20261129);
        char[] alphabet = "aeiouéèçœ’ -'\u0101\u4e00\ud83d\ude00xyz".toCharArray();
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1 + random.nextInt(200); i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            CharacterPairs pairs = CharacterPairs.of(text.toString());
            int from = random.nextInt(text.length());
            String word = text.substring(from, from + random.nextInt(text.length() - from + 1));
            assertThat(pairs.mayContain(word)).as(word).isTrue();
            assertThat(pairs.contains(word)).as(word).isTrue();
            StringBuilder other = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                other.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(pairs.contains(other.toString())).as(other.toString()).isEqualTo(text.toString().contains(other));
        }
    }
}
