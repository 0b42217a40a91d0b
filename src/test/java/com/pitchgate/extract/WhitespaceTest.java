package com.pitchgate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WhitespaceTest {

    /** The two expressions the one-pass normaliser replaced: it must do exactly what they did. */
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern BLANK_LINES = Pattern.compile(" ?\\n[ \\n]*\\n");

    private static String byRegex(String text) {
        String spaced = HORIZONTAL_SPACE.matcher(text).replaceAll(" ");
        return BLANK_LINES.matcher(spaced).replaceAll("\n\n").strip();
    }

    @Test
    void collapsesSpacesAndBlankLines() {
        assertThat(Whitespace.normalise("  Hello\t\t world \r\n\r\n\r\n  Next line\nsame paragraph  "))
                .isEqualTo("Hello world\n\n Next line\nsame paragraph");
    }

    @Test
    void doesWhatTheRegularExpressionsDidOnRandomText() {
        Random random = new Random(42);
        char[] alphabet = {' ', '\t', '\u000B', '\f', '\r', '\n', 'a', 'b', 'é', '\u00a0', '\u2003'};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(Whitespace.normalise(text.toString())).as("normalising %s", text.toString().translateEscapes())
                    .isEqualTo(byRegex(text.toString()));
        }
    }
}
