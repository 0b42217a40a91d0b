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

    /**
     * The stems are those of the words as the analyser first found them: each word of {@link
     * TextAnalyzer#words} made a String, dropped if a function word, else stemmed and folded. Random
     * texts (accents, combining marks, ligatures, surrogates, very long words, long texts), in several
     * languages, through analysers that keep every word, forget after a few, and keep nothing.
     */
    @Test
    void stemsAreThoseOfEachWordStemmedOnItsOwn() {
        String[] pieces = {"desk", "Bureau", "l'espace", "d’un", "co-working", "e-mail", "x", "42", "3D", "ça", "Œuvre", "naïve",
            "e\u0301te\u0301", "ǅemal", "Ωmega", "日本語", "\uD835\uDC00bc", "'", "—", ".", " ", "\n", "\u00A0", "ﬁle", "İstanbul",
            "ΣΟΦΟΣ", "Straße", "the", "and", "les", "des", "coffee", "coffees", "supplying", "cafés", "référencement", "Ⅻ",
            "a".repeat(300), "ÉTÉ", "über", "ĳssel", "ß", "ǈ", "ß" + "x".repeat(40)};
        String[] languages = {"en", "fr", "de", "und", "tr", "el", "nl"};
        java.util.Set<String> stopwords = new java.util.HashSet<>(WordLists.load("stopwords-en.txt"));
        stopwords.addAll(WordLists.load("stopwords-fr.txt"));
        TextAnalyzer keeping = new TextAnalyzer();
        TextAnalyzer forgetting = new TextAnalyzer(7);
        TextAnalyzer fresh = new TextAnalyzer(0);
        Random random = new Random(11);
        List<String> shipped = KindClassifier.shippedTexts();
        for (int text = 0; text < 3_000; text++) {
            StringBuilder sample = new StringBuilder();
            if (text % 10 == 0) {
                sample.append(shipped.get(random.nextInt(shipped.size())));
            }
            for (int piece = random.nextInt(text % 100 == 0 ? 4_000 : 40); piece > 0; piece--) {
                sample.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    sample.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ' ');
                }
            }
            String language = languages[random.nextInt(languages.length)];
            String written = sample.toString();
            List<String> expected = stemmedOneByOne(written, language, stopwords);
            assertThat(keeping.stems(written, language)).as(written).isEqualTo(expected);
            assertThat(forgetting.stems(written, language)).as(written).isEqualTo(expected);
            assertThat(fresh.stems(written, language)).as(written).isEqualTo(expected);
        }
        assertThat(keeping.stems("", "en")).isEmpty();
    }

    /** Threads stemming at once, while words are added and forgotten, stem as one alone does. */
    @Test
    void threadsSharingKeptWordsStemTheSame() throws Exception {
        TextAnalyzer shared = new TextAnalyzer(500);
        TextAnalyzer fresh = new TextAnalyzer(0);
        List<String> texts = KindClassifier.shippedTexts();
        String[] languages = {"en", "fr", "de", "und"};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = thread; i < 1_200; i += 2) {
                        String text = texts.get(i % texts.size());
                        String language = languages[i % languages.length];
                        if (!shared.stems(text, language).equals(fresh.stems(text, language))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> stemmedOneByOne(String text, String language, java.util.Set<String> stopwords) {
        java.util.Map<String, opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM> algorithms = java.util.Map.of(
                "en", opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM.ENGLISH,
                "fr", opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM.FRENCH,
                "de", opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM.GERMAN,
                "tr", opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM.TURKISH,
                "el", opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM.GREEK,
                "nl", opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM.DUTCH);
        opennlp.tools.stemmer.snowball.SnowballStemmer stemmer = algorithms.containsKey(language)
                ? new opennlp.tools.stemmer.snowball.SnowballStemmer(algorithms.get(language)) : null;
        List<String> stems = new java.util.ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new java.util.ArrayList<>();
        for (int position = 0; position < lower.length(); ) {
            if (!Character.isAlphabetic(lower.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < lower.length() && Character.isAlphabetic(lower.charAt(position))) {
                position++;
            }
            if (position - start >= 2 && Character.isLetter(lower.charAt(start))) {
                words.add(lower.substring(start, position));
            }
        }
        for (String word : words) {
            if (stems.size() >= 20_000) {
                break;
            }
            if (!stopwords.contains(word)) {
                stems.add(TextAnalyzer.fold(stemmer == null ? word : stemmer.stem(word).toString()));
            }
        }
        return stems;
    }
}
