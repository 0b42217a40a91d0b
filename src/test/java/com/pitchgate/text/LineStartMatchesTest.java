package com.pitchgate.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineStartMatchesTest {

    private static final String[] PIECES = {"a", "b", "é", "Hi", "x wrote:", "[ab]", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
        "\u000B", "\f", " ", "\t", ">", "> ", ",", "\uD801\uDC00"};

    /** Where {@code ^} matches in MULTILINE mode: every place find() gives, in order. */
    @Test
    void lineStartsAreThoseOfTheCaret() {
        Pattern caret = Pattern.compile("(?m)^");
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random, 12);
            List<Integer> expected = new ArrayList<>();
            Matcher matcher = caret.matcher(text);
            while (matcher.find()) {
                expected.add(matcher.start());
            }
            List<Integer> found = new ArrayList<>();
            for (int at = LineStartMatches.next(text, 0); at >= 0; at = LineStartMatches.next(text, at + 1)) {
                found.add(at);
            }
            assertThat(found).as(text).isEqualTo(expected);
        }
    }

    /**
     * The same matches as find(), for patterns that read across lines, look behind and ahead, and end
     * at {@code $} or a word boundary.
     */
    @Test
    void findsWhatFindFinds() {
        List<Pattern> patterns = List.of(
                Pattern.compile("(?im)^(?:>\\s*)*(?:(.{0,20}?)\\s+(?:wrote|writes)\\s*:|\\[([^\\]\\n]{2,60})\\]\\s*$)"),
                Pattern.compile("(?m)^[ \\t]*(?iu:hi|a)\\b[ \\t,]*(\\p{L}+)(?=[ \\t]*(?:[,:]|$))"),
                Pattern.compile("(?m)^(?<=\\n)\\s*b|^a$"));
        Random random = new Random(11);
        for (int round = 0; round < 30_000; round++) {
            String text = randomText(random, 20);
            for (Pattern pattern : patterns) {
                List<String> expected = new ArrayList<>();
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    expected.add(matcher.start() + "-" + matcher.end() + ":" + matcher.group());
                }
                List<String> found = new ArrayList<>();
                LineStartMatches matches = new LineStartMatches(pattern, text);
                for (int from = 0; matches.find(from); from = matches.matcher().end()) {
                    found.add(matches.matcher().start() + "-" + matches.matcher().end() + ":" + matches.matcher().group());
                }
                assertThat(found).as(pattern + " in " + text).isEqualTo(expected);
            }
        }
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(pieces); i >= 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
