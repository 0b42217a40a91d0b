package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.support.RandomTexts;
import java.util.Random;
import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

/** The normaliser that skips passes with nothing to do gives what OpenNLP's normalisers give. */
class DetectorNormaliserTest {

    /** OpenNLP's detector with the normalisers of LanguageDetectorFactory, as {@link LanguageIdentifier} models it. */
    private static final class OpenNlps extends DefaultLanguageDetectorContextGenerator {
        OpenNlps() {
            super(1, 3, EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
                    TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
                    ShrinkCharSequenceNormalizer.getInstance());
        }

        String normalise(String text) {
            StringBuilder lower = new StringBuilder();
            CharSequenceNormalizer all = normalizer;
            all.normalize(text).codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
            return lower.toString();
        }
    }

    @Test
    void skipsTheEmojiPassOnlyForTextItLeavesAsItIs() {
        DetectorNormaliser ours = new DetectorNormaliser();
        OpenNlps openNlp = new OpenNlps();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (!ours.normalise(text).equals(openNlp.normalise(text))) {
                throw new AssertionError("differs on U+" + Integer.toHexString(codePoint));
            }
        }
    }

    @Test
    void failsNotOnACharAboveFfffAtTheEnd() {
        String text = "Bonjour, nous proposons des bureaux \uDBFF\uDFFF\uDBFF\uDFFF";
        assertThatThrownBy(() -> new OpenNlps().normalise(text)).as("OpenNLP's normalisers on this JDK")
                .isInstanceOf(StringIndexOutOfBoundsException.class);
        assertThat(new DetectorNormaliser().normalise(text)).isEqualTo("bonjour, nous proposons des bureaux \uDBFF\uDFFF\uDBFF\uDFFF");
        assertThat(new LanguageIdentifier().identify(text)).isEqualTo("fr");
    }

    @Test
    void givesWhatOpenNlpsNormalisersGive() {
        OpenNlps openNlp = new OpenNlps();
        DetectorNormaliser ours = new DetectorNormaliser();
        // Each piece sets off one of the passes, or nearly does; glued without spaces they make more
        // (a removed emoji joins "h" and "ttp://", "r" and "t ").
        String[] pieces = {"Bonjour", " ", " ", "  ", "\t", "\n", "word", "ÉTÉ", "straße", "İstanbul", "ΟΔΥΣΣΕΥΣ", "😀", "🇫🇷",
            "\uD83D", "\uDE00", "𝐀", "日本", "h", "ttp://x.example/a?b=1", "https://lafabrique.example", "http", "www.x.org",
            "paul@girard.example", "@", "@lafabrique", "#coworking", "#", "RT ", "rt:", "Rt", "r", "t ", "t:", ":-)", ";p",
            "xD", "XO", "x-(", "X-P", "Hah", "jIj", "hAaAH", "j", "H", "aei", ":", "-", "haha", "JAJAJA", "hihi", "hoho", "ha", "12", "0", "2026", "٣", "aaaa", "!!!", "...",
            "ééé", "AaA", "\u2028\u2028\u2028", "\n\n\n", "\r\n", "ẞẞß", "  \t ", "e", "o", "d", "(", ")", "'", "Jean-Luc", "\uE000", "ｆｕｌｌ", "\uD83B", "\uDBFF", "\uDFFF", "\uDBFF\uDFFF", "\uD835\uDC00"};
        Random random = new Random(29112026);
        int changedByOpenNlp = 0;
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.join(random, pieces, 1 + random.nextInt(16));
            String theirs;
            try {
                theirs = openNlp.normalise(text);
            } catch (StringIndexOutOfBoundsException jdkBug) {
                ours.normalise(text); // does not throw (see failsNotOnACharAboveFfffAtTheEnd)
                continue;
            }
            assertThat(ours.normalise(text)).as(text).isEqualTo(theirs);
            changedByOpenNlp += theirs.equals(text.toLowerCase()) ? 0 : 1;
        }
        assertThat(changedByOpenNlp).as("texts the normalisers changed").isGreaterThan(20_000);
    }

    /**
     * Text without surrogates is rewritten by hand, pass by pass, in place of the patterns: the same
     * as OpenNLP's normalisers on pieces of mail (addresses, URLs, dates, rules of dashes and dots,
     * signatures) and on what each hand-written pass could read wrongly.
     */
    @Test
    void rewritesMailWithoutSurrogatesAsThePatternsDo() {
        OpenNlps openNlp = new OpenNlps();
        DetectorNormaliser ours = new DetectorNormaliser();
        String[] pieces = {"Bonjour", "Hello", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u000B", "\f", "\u0085", "\u2028", "\u2029",
            "\u00A0", "\u3000", "word", "ÉTÉ", "İ", "ǅ", "Σ", "ß", "ﬀ", "\uFEFF", "\uFFFD", "\uE000", "\uD7FF", "ｆｕｌｌ", "日本", "привет",
            "-", "--", "–", "—", "...", "…", "___", "===", "***", "~", "=", "_", "+", ".", "/", "?", "&", ";", ":", "'", "\"", "(", ")",
            "h", "t", "p", "s", "http", "https", "http://", "https://", "https:/", "httpss://a", "http://a", "HTTP://A", "http:// x",
            "www.example.org/a?b=1&c=2#top", "paul.girard@lafabrique.example", "a.b@c.de", "x@y", "a@.b", "-a@bc", "+x@y-z.fr",
            "a@b", "@b.c", "@", "@@", "a@b@cd.com", "_@x.y", "é@ab.cd", "#", "#tag", "# ", "@ ", "support ", "start:", "_rt ", "rt ",
            "RT:", "rT ", "r", "xp", "XD", "x-o", ":-", ":-)", ";(", "x-", "expert", "hahaha", "JiJi", "hah", "jaja", "0", "12", "2026",
            "1.5", "+33 1 23 45 67 89", "٣", "AAA", "aAa", "aaA", "ÀÀÀ", "ààÀ", "zz", "zzz", "\u0085\u0085\u0085", "!!", "!!!", "?!?"};
        Random random = new Random(3122026);
        int changedByOpenNlp = 0;
        for (int round = 0; round < 60_000; round++) {
            String text = RandomTexts.join(random, pieces, 1 + random.nextInt(round % 10 == 0 ? 200 : 20));
            String theirs = openNlp.normalise(text);
            assertThat(ours.normalise(text)).as(text).isEqualTo(theirs);
            changedByOpenNlp += theirs.equals(text.toLowerCase()) ? 0 : 1;
        }
        assertThat(changedByOpenNlp).as("texts the normalisers changed").isGreaterThan(50_000);
        for (String text : new String[] {"", " ", "\n", "a", "A", "-", "@", "http://", "x@y.z", "  Bonjour  ", "aaa"}) {
            assertThat(ours.normalise(text)).as(text).isEqualTo(openNlp.normalise(text));
        }
    }
}
