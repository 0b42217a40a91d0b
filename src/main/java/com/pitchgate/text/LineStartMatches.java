package com.pitchgate.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a pattern that starts at a line start ({@code (?m)^...}), where its find() finds them,
 * trying the pattern at line starts only. find() tried it at every character of the text, and failed
 * at each but the line starts: over a long body, most of its cost.
 *
 * <p>The pattern must start with {@code ^} in MULTILINE mode (not UNIX_LINES) on every branch, and match
 * no empty text: then a match starts where {@code ^} matches, and find() goes on from where a match
 * ends. The pattern is tried there as {@link MatchesAt} tries it, reading around the place tried what
 * find() read over the whole text.
 */
public final class LineStartMatches {

    private final String text;
    private final MatchesAt pattern;

    public LineStartMatches(Pattern pattern, String text) {
        this.text = text;
        this.pattern = new MatchesAt(pattern, text);
    }

    /**
     * The next match, from where the previous one ended (or the start), as find() finds it; when true,
     * {@link #matcher()} holds it.
     */
    public boolean find(int from) {
        for (int at = next(text, from); at >= 0; at = next(text, at + 1)) {
            if (pattern.at(at)) {
                return true;
            }
        }
        return false;
    }

    public Matcher matcher() {
        return pattern.matcher();
    }

    /**
     * The first place from {@code from} where {@code ^} matches in MULTILINE mode, as Pattern tells it:
     * the start of the text, or after a line terminator (\n, \r, U+0085, U+2028, U+2029) but not
     * between \r and \n, and never at the end of the text; -1 when there is none.
     */
    public static int next(String text, int from) {
        int length = text.length();
        for (int at = Math.max(from, 0); at < length; at++) {
            if (at == 0) {
                return 0;
            }
            char before = text.charAt(at - 1);
            if ((before == '\n' || before == '\r' || (before | 1) == '\u2029' || before == '\u0085')
                    && !(before == '\r' && text.charAt(at) == '\n')) {
                return at;
            }
        }
        return -1;
    }
}
