package com.pitchgate.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern tried at chosen places of a text, as find() would try it there: with transparent bounds,
 * so that look-arounds and {@code \b} read the text around the place tried, and non-anchoring ones,
 * so that {@code ^} and {@code $} match where they would in the whole text. A scan that knows where a
 * pattern's matches can start (an '@', a digit, a line start) tries it there only and finds what
 * find() finds, which tried it at every character. The matcher is made at the first place tried: on
 * most texts there is none.
 */
public final class MatchesAt {

    private final Pattern pattern;
    private final String text;
    private Matcher matcher;

    public MatchesAt(Pattern pattern, String text) {
        this.pattern = pattern;
        this.text = text;
    }

    /** Whether the pattern matches from {@code start}; when true, {@link #matcher()} holds the match. */
    public boolean at(int start) {
        if (matcher == null) {
            matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        return matcher.region(start, text.length()).lookingAt();
    }

    /** The last match found by {@link #at}. */
    public Matcher matcher() {
        return matcher;
    }
}
