package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void stemsEnglishAndDropsFunctionWords() {
        assertThat(analyzer.stems("We are supplying the coffees", "en")).containsExactly("suppli", "coffe");
    }

    @Test
    void stemsFrenchFoldsAccentsAndSplitsElisions() {
        List<String> stems = analyzer.stems("L'entreprise de nettoyage livre des cafés", "fr");
        assertThat(stems).containsExactly("entrepris", "nettoyag", "livr", "caf");
    }

    @Test
    void sameWordWithAndWithoutAccentMeets() {
        assertThat(analyzer.stems("café", "fr")).isEqualTo(analyzer.stems("cafe", "fr"));
    }

    @Test
    void languagesWithoutStemmerAreOnlyTokenised() {
        assertThat(TextAnalyzer.canStem("ja")).isFalse();
        assertThat(analyzer.stems("Offices Rooms", "und")).containsExactly("offices", "rooms");
    }
    @Test
    void itsWordsAreTheWordTokensOfOpenNlpsSimpleTokenizer() {
        String[] pieces = {"desk", "Bureau", "l'espace", "d’un", "co-working", "e-mail", "x", "42", "3D", "ça", "Œuvre", "naïve",
            "e\u0301te\u0301", "ǅemal", "Ωmega", "日本語", "\uD835\uDC00bc", "'", "''", "—", ".", "...", " ", "  ", "\n", "\t",
            "\u00A0", "\u2003", "_", "@", "#tag", "l2", "Ⅻ", "ﬁle"};
        Random random = new Random(7);
        for (int text = 0; text < 2_000; text++) {
            StringBuilder sample = new StringBuilder();
            for (int piece = random.nextInt(40); piece > 0; piece--) {
                sample.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    sample.append(' ');
                }
            }
            String lower = sample.toString().toLowerCase(Locale.ROOT);
            List<String> tokens = Arrays.stream(SimpleTokenizer.INSTANCE.tokenize(lower))
                    .filter(token -> token.length() >= 2 && Character.isLetter(token.charAt(0))).toList();
            assertThat(TextAnalyzer.words(lower)).as(lower).isEqualTo(tokens);
        }
    }

    /**
     * Words kept stemmed from earlier texts stem as they would in a text of their own: texts in several
     * languages, through an analyser that keeps every word, one that forgets after five, and one that
     * keeps nothing from one text to the next.
     */
    @Test
    void wordsKeptFromEarlierTextsStemTheSame() {
        TextAnalyzer keeping = new TextAnalyzer();
        TextAnalyzer forgetting = new TextAnalyzer(5);
        TextAnalyzer fresh = new TextAnalyzer(0);
        List<String> texts = KindClassifier.shippedTexts();
        String[] languages = {"en", "fr", "de", "und", "en", "fr", "es"};
        for (int i = 0; i < 600; i++) {
            String text = texts.get(i % texts.size());
            String language = languages[i % languages.length];
            List<String> expected = fresh.stems(text, language);
            assertThat(keeping.stems(text, language)).as(text).isEqualTo(expected);
            assertThat(forgetting.stems(text, language)).as(text).isEqualTo(expected);
        }
    }
}
