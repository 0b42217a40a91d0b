package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.RandomTexts;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntermediaryFinderTest {

    private final IntermediaryFinder finder = new IntermediaryFinder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello, Marie Dupont suggested I contact you about our desks.|Marie Dupont",
            "Marie suggested that I should reach out to you.|Marie",
            "I was referred to you by Tom Hale, who works at your space.|Tom Hale",
            "I am writing on behalf of Jean-Luc Picard.|Jean-Luc Picard",
            "Yesterday Marie told me to get in touch.|Marie",
            "Paul Girard gave me your email address.|Paul Girard",
            "At the suggestion of Anna van Dijk, I am writing to you.|Anna van Dijk",
            "Bonjour, je vous écris de la part de Tom Hale.|Tom Hale",
            "Marie m'a conseillé de vous écrire au sujet de nos chaises.|Marie",
            "Léa Bernard m’a recommandé de vous contacter.|Léa Bernard",
            "Sur les conseils de Paul, je me permets de vous écrire.|Paul",
            "J'ai été recommandée par Sophie Martin.|Sophie Martin",
            "Hier Paul m'a donné vos coordonnées.|Paul",
            "C'est Ana Ruiz qui m'a suggéré de vous contacter.|Ana Ruiz",
            "It was Priya Nair who suggested I write to you.|Priya Nair",
            "Sur les conseils de Maître Bruno Lefèvre, je vous écris.|Bruno Lefèvre",
            "On the advice of Dr Helen Park, I am writing to you.|Helen Park",
            "Dr. Martin Krause, who teaches at the nursing school in Ghent, suggested I reach out to you.|Martin Krause",
            "Claire Moreau (Atelier Moreau) suggested we talk.|Claire Moreau",
            "Hugo Lenoir, un ami commun, m'a conseillé de vous écrire.|Hugo Lenoir",
            "Suggested by Nadia Benali|Nadia Benali",
            "Recommended by Dr. Martin Krause|Martin Krause",
            "Je vous écris de la part de M. Dupont.|Dupont",
            "Je vous écris, conseillée par Anne Roy.|Anne Roy",
    })
    void findsTheNamedIntermediary(String text, String name) {
        assertThat(finder.find(text)).containsExactly(name);
    }

    /** The one a greeting addresses reads the message; the names around it may have sent the sender. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Bonjour Grace,\\nJulie Arsenault m'a parlé de vous.|Grace|Julie Arsenault",
            "Hello Camille,\\n\\nAnna Schmidt gave me your address.|Camille|Anna Schmidt",
            "Dear Ms Liu,\\nWe met through Paul at the meetup.|Liu|Paul",
            "Hi Tom! Marie says hello.|Tom|Marie",
            "Hello, Marie Dupont suggested I contact you.|Hello|Marie Dupont",
    })
    void theAddresseeOfAGreetingIsNoCandidate(String text, String addressee, String named) {
        List<String> candidates = finder.nameCandidates(text.replace("\\n", "\n"));
        assertThat(candidates).contains(named).doesNotContain(addressee);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We suggest you contact our sales team.",
            "She suggested I contact you.",
            "Je vous propose un appel de la part de notre équipe commerciale.",
            "Our platform helps coworking spaces grow.",
            "marie suggested i contact you",
            "Our clients, from Lyon to Paris, suggested we write this guide.",
    })
    void findsNobodyWhenNoPersonIsNamed(String text) {
        assertThat(finder.find(text)).isEmpty();
    }

    /**
     * The words checked before trying a pattern are in every text it matches. Random phrases built
     * from each pattern's own alternatives (one per slot, a slot sometimes left out or repeated), in
     * random case and spacing, amid filler, find what trying every pattern finds.
     */
    @Test
    void checksOnlyWordsThatEveryMatchContains() {
        checkAgainstEveryPattern(new String[] {" ", " ", " ", "  ", "\t", "\n"}, 1, 5_000);
    }

    /**
     * Patterns are tried only in the runs of letters, spaces, apostrophes and hyphens that hold their
     * words: with punctuation, digits, symbols and characters above U+FFFF between and inside the
     * phrases, and several phrases a text, the same names in the same order as trying every pattern
     * over the whole text.
     */
    @Test
    void triesPatternsOnlyInTheRunsThatHoldTheirWords() {
        checkAgainstEveryPattern(new String[] {" ", " ", " ", "\t", "\n", ", ", ". ", "; ", "1", " 2 ", "(", ") ", "\"", "@",
            "’", "'", "-", " - ", "\uD835\uDC00", "\uD83D\uDE00 ", "\uD835", "\r\n", "\u00A0", "_", "/"}, 3, 2_000);
    }

    /**
     * Name spans read by hand are the pattern's matches found by find(): on texts made of what the
     * pattern and its look-behind read (capitals above U+FFFF, "@" and "." before a capital, particles
     * and their prefixes, apostrophes, titlecase, modifier and other letters, combining marks, lone
     * surrogates), on random chars of the whole BMP among them, and on texts cut as nameCandidates cuts them.
     */
    @Test
    void nameSpansAreTheMatchesOfScanning() {
        String[] pieces = {"Marie", "Tom Hale", "de ", "van ", "da ", "von ", " ", "  ", "\t", "\n", "a", "É", "é", "L", "x", "'", "’",
            "-", "@", ".", ",", "1", "\uD801\uDC00", "\uD835\uDC00", "\uD801", "\uDC00", "\u01C5", "ǅa", "Ⓐ", "Mc", "O'Neil",
            "de", "da", "van", "von", "va", "vo", "d", "v", "De ", "Van ", "de\t", "van \t ", "dé ", "\uD801\uDC28", "ß", "İ", "Ǆ",
            "\u02B0", "ª", "\u0301", "\u00A0", "\r", "\u2019", "‐", "_", "Jean-Luc", "ÉLODIE", "\uD83D\uDE00", "Σσ"};
        Random random = new Random(20261202);
        for (int round = 0; round < 60_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(round % 10 == 0 ? 200 : 25); i >= 0; i--) {
                if (random.nextInt(12) == 0) {
                    text.append((char) random.nextInt(0x10000));
                } else {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String t = text.toString();
            assertThat(IntermediaryFinder.nameSpans(t)).as(t).isEqualTo(IntermediaryFinder.nameSpansScanning(t));
            String cut = t.substring(0, random.nextInt(t.length() + 1));
            assertThat(IntermediaryFinder.nameSpans(cut)).as(cut).isEqualTo(IntermediaryFinder.nameSpansScanning(cut));
        }
        for (String t : List.of("", "A", "Ab", "Ab ", "Ab Cd", "Ab de Cd", "Ab de  ", "Ab van\tVan Cd Ef Gh", "x.Ab", "@Ab", "éAb", " Ab")) {
            assertThat(IntermediaryFinder.nameSpans(t)).as(t).isEqualTo(IntermediaryFinder.nameSpansScanning(t));
        }
    }

    /**
     * Greetings are tried at line starts only: on texts made of greetings, names, titles and every line
     * terminator Pattern knows (\r\n, a lone \r, U+0085, U+2028, U+2029), with spaces, punctuation and a
     * long s that folds to "s", the same addressees as find().
     */
    @Test
    void addresseesAreThoseOfScanning() {
        String[] pieces = {"Hi", "hello", "HEY", "Dear", "dear", "Good morning", "Bonjour", "Salut", "ſalut", "chère", "Chers", "Hi,",
            " ", "  ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\f", ",", "!", ":", ".", ";", "Marie", "Tom Hale",
            "Ms", "Ms Liu", "Dr", "Léa", "Élodie", "l'équipe", "C'est", "x", "é", "\uD801\uDC00", "\u00A0", "-"};
        Random random = new Random(20261203);
        for (int round = 0; round < 30_000; round++) {
            String t = RandomTexts.join(random, pieces, 1 + random.nextInt(30));
            assertThat(IntermediaryFinder.addressees(t)).as(t).isEqualTo(IntermediaryFinder.addresseesScanning(t));
        }
    }

    /**
     * Taking words that start sentences and titles off a name, word by word, gives what splitting by
     * \s+ and matching the elision pattern gave: on strings of such words, names, elisions, every kind
     * of white space (\s and beyond it), and empty or blank strings.
     */
    @Test
    void trimmingIsThatOfSplitting() {
        String[] pieces = {"Hi", "Dear", "Dr", "Me", "Maître", "Récemment", "Bruno", "Lefèvre", "C'est", "l'équipe", "L’Oréal", "Qu'il",
            "Jusqu'à", "Lorsqu'elle", "puisqu'on", "d'A", "D'Artagnan", "O'Neil", "'a", "x'", "Tom", "van", "de", " ", "  ", "\t", "\n",
            "\r", "\u000B", "\f", "\u00A0", "\u2028", "\u0085", "\u001C", "é", "\uD801\uDC00", "", "-"};
        Random random = new Random(42);
        for (int round = 0; round < 50_000; round++) {
            String t = RandomTexts.join(random, pieces, 1 + random.nextInt(8));
            assertThat(IntermediaryFinder.trim(t)).as(t).isEqualTo(IntermediaryFinder.trimSplitting(t));
        }
        for (String t : List.of("", " ", "\t\n", "Hi", "Hi Dear Me", "Tom  Hale", "Tom\tHale", " Dr  Tom \n Hale ", "C'est Léa")) {
            assertThat(IntermediaryFinder.trim(t)).as(t).isEqualTo(IntermediaryFinder.trimSplitting(t));
        }
    }

    /** A run is cut where a character no cue reads stands; it is kept when it holds a word of each group. */
    @Test
    void runsHoldingTheWordsOfEachGroup() {
        CueClauses clauses = CueClauses.of("Marie SUGGESTED I write. Tom said; contact us! Léa m’a dit",
                new CueClauses.WordsByFirstChar(java.util.Set.of("suggested", "told", "write", "contact", "said", "dit")));
        assertThat(clauses.holdingOneOfEach(List.of(List.of("suggested", "told"), List.of("write", "contact"))))
                .extracting(java.util.Arrays::toString).containsExactly("[0, 33]");
        assertThat(clauses.holdingOneOfEach(List.of(List.of("said"), List.of("contact")))).isEmpty();
        assertThat(clauses.holdingOneOfEach(List.of(List.of("dit")))).extracting(java.util.Arrays::toString)
                .containsExactly("[46, 58]");
    }

    /** Every occurrence of each word, overlapping ones too, found in one pass; words absent are left out. */
    @Test
    void findsEveryOccurrenceOfTheWordsInOnePass() {
        CueClauses.WordsByFirstChar words = new CueClauses.WordsByFirstChar(java.util.Set.of("vo", "vous", "votre", "écrire", "x"));
        assertThat(words.occurrencesIn("vous vovo votr écrire écrir".toCharArray()))
                .isEqualTo(java.util.Map.of("vo", List.of(0, 5, 7, 10), "vous", List.of(0), "écrire", List.of(15)));
    }

    /**
     * The runs and the occurrences are those of reading the text char by char with {@link
     * CueClauses#isReadable} and comparing each word at each position, on random texts of the cues'
     * words, their pieces, capitals, accents, surrogates and other chars, empty and long.
     */
    @Test
    void runsAndOccurrencesAreThoseOfComparingAtEachPosition() {
        java.util.Set<String> looked = java.util.Set.of("vo", "vous", "votre", "écrire", "x", "suggested", "sugg", "dit", "m’a", "e-mail", "ss");
        CueClauses.WordsByFirstChar words = new CueClauses.WordsByFirstChar(looked);
        String[] pieces = {"vous", "VOUS", "Vo", "vot", "votre", "écrire", "ÉCRIRE", "écri", "x", "X", "suggested", "SUGGESTED",
            "dit", "m’a", "m'a", "e-mail", "sss", " ", "\n", ".", ",", ";", "1", "(", ")", "\uD801\uDC00", "\uD801", "ǅ", "ß", "İ", "—", ""};
        Random random = new Random(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sample = new StringBuilder();
            for (int i = random.nextInt(round % 500 == 0 ? 3_000 : 30); i >= 0; i--) {
                sample.append(random.nextInt(8) == 0 ? String.valueOf((char) random.nextInt(0x10000)) : pieces[random.nextInt(pieces.length)]);
            }
            String text = sample.toString();
            StringBuilder lower = new StringBuilder();
            List<String> runs = new java.util.ArrayList<>();
            int start = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                if (CueClauses.isReadable(c) && start < 0) {
                    start = i;
                } else if (!CueClauses.isReadable(c) && start >= 0) {
                    runs.add("[" + start + ", " + i + "]");
                    start = -1;
                }
            }
            if (start >= 0) {
                runs.add("[" + start + ", " + text.length() + "]");
            }
            java.util.Map<String, List<Integer>> expected = new java.util.HashMap<>();
            for (String word : looked) {
                for (int at = 0; at < lower.length(); at++) {
                    if (lower.toString().startsWith(word, at)) {
                        expected.computeIfAbsent(word, w -> new java.util.ArrayList<>()).add(at);
                    }
                }
            }
            assertThat(words.occurrencesIn(lower.toString().toCharArray())).as(text).isEqualTo(expected);
            assertThat(CueClauses.of(text, words).holdingOneOfEach(List.of())).extracting(java.util.Arrays::toString).as(text)
                    .isEqualTo(runs);
        }
    }

    private void checkAgainstEveryPattern(String[] spaces, int maxPhrases, int minFound) {
        String[][][] phrases = {
            {NAMES, {"suggested", "recommended", "advised", "told me", "asked me"}, {"that", ""}, {"I", "we", ""},
                {"should", "to", ""}, {"contact", "reach out", "write", "get in touch", "email", "e-mail", "talk", "speak", "connect"}},
            {{"referred", "recommended", "suggested", "introduced", "sent", "pointed"}, {"to you", "here", "your way", ""}, {"by"}, NAMES},
            {{"on behalf of"}, NAMES},
            {NAMES, {"gave", "passed", "shared", "forwarded", "sent"}, {"me", "us"}, {"your"},
                {"name", "contact", "details", "email", "e-mail", "address", "number"}},
            {{"at", "on", "following"}, {"the", ""}, {"suggestion", "recommendation", "advice"}, {"of"}, NAMES},
            {NAMES, {"thought", "said", "felt"}, {"we", "I"}, {"should"}, {"talk", "connect", "meet", "get in touch", "speak"}},
            {NAMES, {"introduced us", "introduced me", "put us in touch", "put me in touch"}},
            {{"de la part de"}, NAMES},
            {NAMES, {"m'a", "m’a", "nous a"}, {"conseillé", "recommandé", "suggéré", "proposé", "dit"}, {"de vous"},
                {"écrire", "contacter", "joindre", "solliciter", "parler", "appeler"}},
            {{"sur", "suivant", "selon"}, {"les", "le", ""}, {"conseil", "conseils", "recommandation", "recommandations"},
                {"de", "d'", "d’"}, NAMES},
            {{"recommandé", "recommandées", "conseillée", "suggéré", "envoyé", "envoyée", "orientés", "adressée"}, {"vers vous", ""}, {"par"}, NAMES},
            {NAMES, {"m'a", "m’a"}, {"donné", "transmis", "communiqué", "passé"}, {"votre", "vos"},
                {"contact", "coordonnées", "adresse", "nom", "email", "e-mail", "mail", "numéro"}},
            {NAMES, {"m'a parlé de vous", "nous a mis en relation", "m’a mis en relation"}}};
        String[] filler = {"Bonjour,", "Hello,", "we offer desks.", "Nous proposons", "vos bureaux", "your space", "Paul", ""};
        Random random = new Random(20261129);
        int found = 0;
        for (int text = 0; text < 20_000; text++) {
            StringBuilder sample = new StringBuilder(filler[random.nextInt(filler.length)]).append(' ');
            for (int phrase = 1 + random.nextInt(maxPhrases); phrase > 0; phrase--) {
                for (String[] slot : phrases[random.nextInt(phrases.length)]) {
                    int times = random.nextInt(12) == 0 ? 0 : random.nextInt(12) == 0 ? 2 : 1;
                    for (int i = 0; i < times; i++) {
                        String word = slot[random.nextInt(slot.length)];
                        sample.append(switch (random.nextInt(5)) {
                            case 0 -> word.toUpperCase(Locale.ROOT);
                            case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
                            default -> word;
                        }).append(spaces[random.nextInt(spaces.length)]);
                    }
                }
                sample.append(filler[random.nextInt(filler.length)]).append(spaces[random.nextInt(spaces.length)]);
            }
            List<String> everyPattern = finder.findTryingEveryPattern(sample.toString());
            assertThat(finder.find(sample.toString())).as(sample.toString()).isEqualTo(everyPattern);
            found += everyPattern.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("texts in which a name was found").isGreaterThan(minFound);
    }

    private static final String[] NAMES = {"Marie", "Tom Hale", "Léa Bernard", "Anna van Dijk", "Jean-Luc Picard", "Zoë"};
}
