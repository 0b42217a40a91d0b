package com.pitchgate.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of an e-mail address pattern, where its find() finds them, trying the pattern only at
 * the text's @s. Scanning tried it at every character, and its greedy local part ran to the end of
 * each word and back: over the whole of a long body, a twentieth of the cost of screening (see
 * docs/benchmarks.md).
 *
 * <p>The pattern must start with its local part, one or more of [\w] and the given signs, then an @.
 * A match holds an @, the local part before it runs back over those characters (no @ among them), and
 * whether a match starting in that run succeeds depends only on what follows the @: so for each @ the
 * pattern is tried once, from the start of its run (or where the previous match ended), where find()
 * would first succeed.
 */
public final class AddressMatches {

    private final Pattern pattern;
    /** The characters besides [\w] (ASCII letters, digits, underscore) the local part may hold. */
    private final String localPartSigns;

    public AddressMatches(Pattern pattern, String localPartSigns) {
        this.pattern = pattern;
        this.localPartSigns = localPartSigns;
    }

    /** Where the pattern matches, as {start, end} pairs in the order find() gives them. */
    public List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = null;
        int from = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > from && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            if (start == at) {
                continue;
            }
            matcher = matcher == null ? pattern.matcher(text) : matcher;
            if (matcher.region(start, text.length()).lookingAt()) {
                spans.add(new int[] {start, matcher.end()});
                from = matcher.end();
            }
        }
        return spans;
    }

    /** The matched texts, in order. */
    public List<String> in(String text) {
        List<String> found = new ArrayList<>();
        for (int[] span : spans(text)) {
            found.add(text.substring(span[0], span[1]));
        }
        return found;
    }

    private boolean isLocalPartChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || localPartSigns.indexOf(c) >= 0;
    }
}
