package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text cut into the runs of characters that the intermediary cues can match: letters, whitespace
 * (as \s reads it), apostrophes, hyphens, commas, brackets and full stops. Every literal, class and name of {@link
 * IntermediaryFinder}'s patterns reads only those, so a match lies within one run (roughly a few sentences:
 * other punctuation, digits and symbols end it), and it holds a word of each of its cue's groups. A pattern
 * is tried only in the runs that hold those words, and finds there what it finds scanning the whole
 * text: any attempt that reached past a run would fail on the character that ends it. Scanning long
 * bodies, the patterns that start with a name tried at every capital letter of the text.
 *
 * <p>Where the cues' words occur is found in one pass over the text, each position compared with the
 * few words that start with its letter: looking for each of fifty words in turn read the text up to
 * fifty times, most of the cost of finding intermediaries once the patterns ran in the runs only.
 */
final class CueClauses {

    private final int[] starts;
    private final int[] ends;
    /** Where each word looked for starts, in the text with its ASCII letters in lower case (the cues ignore the case of those only). */
    private final Map<String, List<Integer>> occurrences;

    private CueClauses(int[] starts, int[] ends, Map<String, List<Integer>> occurrences) {
        this.starts = starts;
        this.ends = ends;
        this.occurrences = occurrences;
    }

    /** The runs of {@code text}, and where the (lower-case) {@code words} occur in it. */
    static CueClauses of(String text, WordsByFirstChar words) {
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
        return new CueClauses(starts, ends, words.occurrencesIn(chars));
    }

    /** Words to look for, by their first char, for one pass over a text. */
    static final class WordsByFirstChar {
        private final String[][] byFirst = new String[Character.MAX_VALUE + 1][];

        WordsByFirstChar(Set<String> words) {
            Map<Character, List<String>> grouped = new HashMap<>();
            words.forEach(word -> grouped.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word));
            grouped.forEach((first, starting) -> byFirst[first] = starting.toArray(String[]::new));
        }

        /** Where each word occurs in {@code chars}, overlaps included, in order; words absent are left out. */
        Map<String, List<Integer>> occurrencesIn(char[] chars) {
            Map<String, List<Integer>> found = new HashMap<>();
            for (int at = 0; at < chars.length; at++) {
                String[] starting = byFirst[chars[at]];
                if (starting == null) {
                    continue;
                }
                for (String word : starting) {
                    if (startsAt(chars, at, word)) {
                        found.computeIfAbsent(word, w -> new ArrayList<>()).add(at);
                    }
                }
            }
            return found;
        }

        private static boolean startsAt(char[] chars, int at, String word) {
            if (at + word.length() > chars.length) {
                return false;
            }
            for (int i = 1; i < word.length(); i++) {
                if (chars[at + i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What a cue's pattern may match: a letter (\p{L}), \s, an apostrophe, a hyphen, and the commas,
     * brackets and full stops of what is said of a person ("Martin Krause, who teaches in Ghent,",
     * "Claire (Atelier Moreau)", "Dr. Martin Krause"). Either half of
     * a surrogate pair counts, as a letter above U+FFFF may be one.
     */
    static boolean isReadable(char c) {
        return Character.isLetter(c) || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '\'' || c == '’' || c == '-' || c == ',' || c == '.' || c == '(' || c == ')' || Character.isSurrogate(c);
    }

    /** The runs, as {start, end}, in text order, that hold one of the (lower-case) words of each group. */
    List<int[]> holdingOneOfEach(List<List<String>> wordGroups) {
        BitSet holding = null;
        for (List<String> group : wordGroups) {
            BitSet holdingGroup = new BitSet(starts.length);
            for (String word : group) {
                for (int at : occurrences.getOrDefault(word, List.of())) {
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
            if (holding.isEmpty()) {
                return List.of();
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
