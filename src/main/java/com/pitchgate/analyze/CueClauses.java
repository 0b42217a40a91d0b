package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A text cut into the runs of characters that the intermediary cues can match: letters, whitespace
 * (as \s reads it), apostrophes and hyphens. Every literal, class and name of {@link
 * IntermediaryFinder}'s patterns reads only those, so a match lies within one run (roughly a clause:
 * punctuation, digits and symbols end it), and it holds a word of each of its cue's groups. A pattern
 * is tried only in the runs that hold those words, and finds there what it finds scanning the whole
 * text: any attempt that reached past a run would fail on the character that ends it. Scanning long
 * bodies, the patterns that start with a name tried at every capital letter of the text.
 */
final class CueClauses {

    /** The text with its ASCII letters in lower case: the cues ignore the case of those only, and indices stay. */
    private final String lowered;
    private final int[] starts;
    private final int[] ends;

    private CueClauses(String lowered, int[] starts, int[] ends) {
        this.lowered = lowered;
        this.starts = starts;
        this.ends = ends;
    }

    static CueClauses of(String text) {
        char[] chars = text.toCharArray();
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
            boolean readable = isReadable(c);
            if (readable && start < 0) {
                start = i;
            } else if (!readable && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        if (start >= 0) {
            runs.add(new int[] {start, chars.length});
        }
        int[] starts = new int[runs.size()];
        int[] ends = new int[runs.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = runs.get(i)[0];
            ends[i] = runs.get(i)[1];
        }
        return new CueClauses(new String(chars), starts, ends);
    }

    /**
     * What a cue's pattern may match: a letter (\p{L}), \s, an apostrophe or a hyphen. Either half of
     * a surrogate pair counts, as a letter above U+FFFF may be one.
     */
    static boolean isReadable(char c) {
        return Character.isLetter(c) || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '\'' || c == '’' || c == '-' || Character.isSurrogate(c);
    }

    /** The runs, as {start, end}, in text order, that hold one of the (lower-case) words of each group. */
    List<int[]> holdingOneOfEach(List<List<String>> wordGroups) {
        BitSet holding = null;
        for (List<String> group : wordGroups) {
            BitSet holdingGroup = new BitSet(starts.length);
            for (String word : group) {
                for (int at = lowered.indexOf(word); at >= 0; at = lowered.indexOf(word, at + 1)) {
                    int run = runAt(at);
                    if (run >= 0 && at + word.length() <= ends[run]) {
                        holdingGroup.set(run);
                    }
                }
            }
            if (holding == null) {
                holding = holdingGroup;
            } else {
                holding.and(holdingGroup);
            }
        }
        List<int[]> runs = new ArrayList<>();
        if (holding == null) {
            for (int run = 0; run < starts.length; run++) {
                runs.add(new int[] {starts[run], ends[run]});
            }
            return runs;
        }
        for (int run = holding.nextSetBit(0); run >= 0; run = holding.nextSetBit(run + 1)) {
            runs.add(new int[] {starts[run], ends[run]});
        }
        return runs;
    }

    /** The run that holds the character at {@code index}, or -1. */
    private int runAt(int index) {
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= index) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high >= 0 && index < ends[high] ? high : -1;
    }
}
