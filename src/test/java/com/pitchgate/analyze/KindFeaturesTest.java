package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.RandomTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindFeaturesTest {

    /** Links and addresses are found where find() finds them, on texts made of what their patterns read. */
    @Test
    void linksAndAddressesAreTheMatchesOfTheirPatterns() {
        String[] pieces = {"a", "Z", "1", "_", ".", "+", "-", "@", " ", "\n", "é", "K", "http", "HTTPS", "hTtp:", "://", "www", "WWW.",
            "ww", "w", "/", "x.y", "b@c.d", "@e.f", "s", "\u017F", "\u212A", ":", "(", "'"};
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 20_000; round++) {
            String t = RandomTexts.join(random, pieces, 1 + random.nextInt(30));
            assertThat(text(KindFeatures.linkSpans(t))).as(t).isEqualTo(text(spans(KindFeatures.LINK, t)));
            assertThat(text(KindFeatures.addressSpans(t))).as(t).isEqualTo(text(spans(KindFeatures.ADDRESS, t)));
        }
    }

    /** Template fields and amounts are found where find() finds them, on texts made of what their patterns read. */
    @Test
    void templateFieldsAndAmountsAreTheMatchesOfTheirPatterns() {
        String[] pieces = {"{", "{{", "}", "}}", "[", "]", "%", "*", "|", "*|", "|*", "_", "A", "FNAME", "First Name", "a", "é", "Ÿ",
            " ", "\n", "0", "7", "42", "$", "€", "£", " $", "eur", "EUR", "euros", "Euro", "usd", "ht", "HT", "ttc", "x", "\u0661",
            "\uFF11", "\u00B2", "\u212A", "s", "\u017F", "TTCs", ".", ","};
        java.util.Random random = new java.util.Random(31);
        int fields = 0;
        int amounts = 0;
        for (int round = 0; round < 30_000; round++) {
            String t = RandomTexts.join(random, pieces, 1 + random.nextInt(round % 100 == 0 ? 400 : 30));
            boolean field = KindFeatures.TEMPLATE_FIELD.matcher(t).find();
            int counted = KindFeatures.count(KindFeatures.MONEY, t);
            assertThat(KindFeatures.holdsTemplateField(t, t.toCharArray())).as(t).isEqualTo(field);
            assertThat(KindFeatures.amounts(t, t.toCharArray())).as(t).isEqualTo(counted);
            fields += field ? 1 : 0;
            amounts += counted > 1 ? 1 : 0;
        }
        assertThat(fields).as("texts holding a template field").isGreaterThan(100);
        assertThat(amounts).as("texts holding several amounts").isGreaterThan(100);
    }

    /** No character but the ASCII digits is a digit to \\d, and none but '$', '€' and '£' matches them ignoring case. */
    @Test
    void onlyTheCandidatesCanStartAnAmount() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean candidate = c >= '0' && c <= '9' || c == '$' || c == '€' || c == '£';
            // "5" follows a currency sign in an amount, " eur" a digit.
            boolean startsAnAmount = KindFeatures.MONEY.matcher(c + "5").lookingAt() || KindFeatures.MONEY.matcher(c + " eur").lookingAt();
            assertThat(startsAnAmount).as("U+%04X", (int) c).isEqualTo(candidate);
        }
    }

    /** The link candidates are looked for by the ASCII letters alone: no other char is 'h', 't' or 'w' ignoring case. */
    @Test
    void onlyAsciiLettersAreTheLettersOfALinkIgnoringCase() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (char letter : new char[] {'h', 't', 'w'}) {
                assertThat(String.valueOf(c).regionMatches(true, 0, String.valueOf(letter), 0, 1)).as("U+%04X", (int) c)
                        .isEqualTo((c | 0x20) == letter);
            }
        }
    }

    private static List<String> text(List<int[]> spans) {
        return spans.stream().map(java.util.Arrays::toString).toList();
    }

    private static List<int[]> spans(java.util.regex.Pattern pattern, String text) {
        List<int[]> spans = new java.util.ArrayList<>();
        java.util.regex.Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    /** The checks made before each pattern runs leave every feature as running the pattern gives it. */
    @Test
    void patternsSkippedOnlyWhereTheyCouldNotMatch() {
        List<String> texts = new java.util.ArrayList<>(KindClassifier.shippedTexts());
        texts.addAll(List.of("", "see www.a.example", "WwW.b.example and wWw.", "www", "ww.x", "http:/x https://y ftp://z",
                "HTTP://A.EXAMPLE", "costs 10€", "$ 5", "5 $", "10 EUR", "20 euros", "3 usd", "100 HT", "7 TTC", "€x",
                "{name}", "{{ x }}", "[First Name]", "%FIRST%", "*|FNAME|*", "{", "[", "%", "*", "a@b.example", "@",
                "x@y", "mail me: jean.dupont+pg@exemple.fr.", "\u0661\u0662 \uFF11 $ \u00B2"));
        for (String text : texts) {
            KindFeatures.Sample expected = KindFeatures.readRunningEveryPattern("Subject", text);
            assertThat(KindFeatures.read("Subject", text)).as(text).isEqualTo(expected);
        }
    }

    /**
     * The text read and the quoted mark are those of splitting the whole body into lines (kept here):
     * over random bodies of line breaks of each kind, quotes, accents and surrogates, short and far
     * longer than what is read, and subjects up to longer than it.
     */
    @Test
    void readsTheTextAndTheQuotedMarkAsSplittingTheBodyIntoLinesDid() {
        String[] pieces = {"a", "Z", ">", "> ", "\n", "\r", "\r\n", "\n>", "\r>", " ", "é", "\uD83D\uDE00", "!", "", "x>y"};
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 20_000; round++) {
            String subject = round % 100 == 0 ? "s".repeat(random.nextInt(KindFeatures.READ_CHARS + 10)) : "Subject " + round;
            StringBuilder body = new StringBuilder();
            int pieceCount = round % 10 == 0 ? random.nextInt(4_000) : random.nextInt(30);
            for (int i = 0; i < pieceCount; i++) {
                body.append(round % 10 == 0 && random.nextInt(4) == 0 ? "some words of a line " : pieces[random.nextInt(pieces.length)]);
            }
            String b = body.toString();
            String expected = subject + "\n" + withoutQuotedLinesAsBefore(b);
            expected = expected.length() > KindFeatures.READ_CHARS ? expected.substring(0, KindFeatures.READ_CHARS) : expected;
            assertThat(KindFeatures.textRead(subject, b)).as(b).isEqualTo(expected);
            assertThat(KindFeatures.hasQuotedLine(b)).as(b).isEqualTo(b.lines().anyMatch(line -> line.startsWith(">")));
        }
    }

    /** The letters and the capitals among them are Character's, for every char. */
    @Test
    void lettersAndCapitalsAreThoseOfCharacterForEveryChar() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(KindFeatures.isLetter(c)).as("U+%04X", (int) c).isEqualTo(Character.isLetter(c));
            if (c < 128 && Character.isLetter(c)) {
                assertThat(c <= 'Z').as("U+%04X", (int) c).isEqualTo(Character.isUpperCase(c));
            }
        }
        assertThat(KindFeatures.isLetter(Character.MAX_VALUE)).isEqualTo(Character.isLetter(Character.MAX_VALUE));
    }

    /**
     * The words looked up by their characters are those {@link KindFeatures#words} cuts out, looked up by
     * string: on the shipped texts, on random texts of every Latin-1 character, Latin Extended-A, the
     * characters whose lower case differs by its context or length (final sigma, dotted I, Kelvin sign),
     * surrogates, and words of the model and too long ones, in capitals and not.
     */
    @Test
    void wordIdsAreThoseOfTheWordsCutOut() throws Exception {
        KindModel model;
        try (java.io.InputStream in = KindClassifier.class.getResourceAsStream(KindClassifier.MODEL)) {
            model = KindModel.of(new opennlp.tools.doccat.DoccatModel(in).getMaxentModel());
        }
        List<String> texts = new java.util.ArrayList<>(KindClassifier.shippedTexts());
        java.util.Random random = new java.util.Random(17);
        String[] pieces = {"the", "THE", "Offer", "NOUS", "proposons", "été", "ÉTÉ", "ÇA", "straße", "naïve", " ", " ", "\n", "'", "-",
            "ΟΔΥΣΣΕΥΣ", "Σ", "İstanbul", "\u212A", "\u017F", "\uD83D\uDE00", "x".repeat(30), "Y".repeat(31), "a\u0301", "µ", "ÿ"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            boolean latin1 = round % 2 == 0;
            for (int i = random.nextInt(round % 50 == 0 ? 2_000 : 40); i >= 0; i--) {
                switch (random.nextInt(3)) {
                    case 0 -> text.append((char) random.nextInt(latin1 ? 256 : 0x180));
                    case 1 -> text.append(pieces[random.nextInt(pieces.length)]);
                    default -> text.append(' ');
                }
            }
            texts.add(text.toString());
        }
        texts.addAll(List.of("", " ", "a", "A", "É", "\u0130", "ς", "Σ.", "AΣ"));
        for (String text : texts) {
            KindModel.WordIds ids = new KindModel.WordIds();
            KindFeatures.wordIds(text, model, ids);
            int[] expected = KindFeatures.words(text).stream().mapToInt(model::idOf).toArray();
            assertThat(ids.toArray()).as(text).containsExactly(expected);
        }
    }

    /**
     * One pass over the characters finds what the separate passes found: on the shipped texts and random
     * texts of digits, brackets, question and exclamation marks, words in capitals or not, of four letters
     * or fewer, accents, capitals beyond ASCII and surrogates.
     */
    @Test
    void aGlanceFindsWhatEachPassFound() {
        List<String> texts = new java.util.ArrayList<>(KindClassifier.shippedTexts());
        String[] pieces = {"0", "9", "{", "[", "%", "*", "}", "]", "?", "!", "!!", "FREE", "NOW", "ACT", "ORDER", "TODAY", "Free", "free",
            "ÉTÉ", "ÇAVA", "ΟΔΥΣΣΕΥΣ", "\u212A\u212A\u212A\u212A", "\uD83D\uDE00", "ﬁ", " ", " ", "\n", "'", "a", "Z", "é", "\u0661"};
        java.util.Random random = new java.util.Random(29);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(round % 50 == 0 ? 1_000 : 40); i >= 0; i--) {
                text.append(random.nextInt(8) == 0 ? String.valueOf((char) random.nextInt(0x400)) : pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        texts.addAll(List.of("", "!", "?", "!!!", "1", "*"));
        for (String text : texts) {
            assertThat(KindFeatures.Glance.of(text.toCharArray())).as(text).isEqualTo(KindFeatures.Glance.bySeparateChecks(text));
            assertThat(KindFeatures.read("Subject", text)).as(text).isEqualTo(KindFeatures.readRunningEveryPattern("Subject", text));
        }
    }

    /** A Latin-1 text is put in lower case a character at a time: a letter stays a letter, anything else itself. */
    @Test
    void latin1LowerCaseIsCharacterByCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0xFF; c++) {
            char lower = Character.toLowerCase(c);
            assertThat(lower).as("U+%04X", (int) c).isLessThanOrEqualTo((char) 0xFF);
            assertThat(Character.isLetter(lower)).as("U+%04X", (int) c).isEqualTo(Character.isLetter(c));
            if (!Character.isLetter(c)) {
                assertThat(lower).as("U+%04X", (int) c).isEqualTo(c);
            }
            all.append(c);
        }
        String lowered = all.toString().toLowerCase(java.util.Locale.ROOT);
        for (char c = 0; c <= 0xFF; c++) {
            assertThat(lowered.charAt(c)).as("U+%04X", (int) c).isEqualTo(Character.toLowerCase(c));
        }
    }

    private static String withoutQuotedLinesAsBefore(String body) {
        if (body.indexOf('>') < 0) {
            return body;
        }
        StringBuilder kept = new StringBuilder(body.length());
        body.lines().filter(line -> !line.startsWith(">")).forEach(line -> kept.append(line).append('\n'));
        return kept.toString();
    }

    @Test
    void wordsInCapitalsAreShoutingButAcronymsAndAHeadingAreNot() {
        assertThat(KindFeatures.shouts("ACT NOW! LOWEST PRICES EVER on toner, FREE shipping, ORDER TODAY")).isTrue();
        assertThat(KindFeatures.shouts("Our SEO and UX team met the CTO of the SaaS firm in Lyon about the API")).isFalse();
        assertThat(KindFeatures.shouts("URGENT: the meeting moved to Thursday at ten, in the big room upstairs, "
                + "please tell the others who could not come on Monday and bring the signed forms")).isFalse();
    }

    @Test
    void manyLinksPricesAndExclamationMarksAreMarksOfForm() {
        List<String> blast = List.of(KindFeatures.of("Deals!!!", "Save $10, $20 or $50! See http://a.example/1, "
                + "http://a.example/2 and http://a.example/3 now!"));
        List<String> note = List.of(KindFeatures.of("Lunch", "Lunch was $12, see http://menu.example. Thanks!"));

        assertThat(blast).contains("many=links", "many=amounts", "many=exclamations");
        assertThat(note).contains("has=link", "has=money", "has=exclamation")
                .doesNotContain("many=links", "many=amounts", "many=exclamations", "has=shouting");
    }
}
