package com.pitchgate.analyze;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** {@link #isReadable} of every char, read for each char of a text. */
    private static final boolean[] READABLE = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            READABLE[c] = isReadable((char) c);
        }
    }

    private final int[] starts;
    private final int[] ends;
    /** Where each word looked for starts, in the text with its ASCII letters in lower case (the cues ignore the case of those only). */
    private final Occurrences occurrences;

    private CueClauses(int[] starts, int[] ends, Occurrences occurrences) {
        this.starts = starts;
        this.ends = ends;
        this.occurrences = occurrences;
    }

    /** The runs of {@code text}, and where the (lower-case) {@code words} occur in it. */
    static CueClauses of(String text, WordsByFirstChar words) {
        char[] chars = text.toCharArray();
        int[] starts = new int[16];
        int[] ends = new int[16];
        int runs = 0;
        int start = -1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
            boolean readable = READABLE[c];
            if (readable && start < 0) {
                start = i;
            } else if (!readable && start >= 0) {
                if (runs == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * runs);
                    ends = Arrays.copyOf(ends, 2 * runs);
                }
                starts[runs] = start;
                ends[runs++] = i;
                start = -1;
            }
        }
        if (start >= 0) {
            if (runs == starts.length) {
                starts = Arrays.copyOf(starts, runs + 1);
                ends = Arrays.copyOf(ends, runs + 1);
            }
            starts[runs] = start;
            ends[runs++] = chars.length;
        }
        return new CueClauses(Arrays.copyOf(starts, runs), Arrays.copyOf(ends, runs), words.find(chars));
    }

    /**
     * Words to look for, by their first char, for one pass over a text. Each word is numbered, and
     * compared as chars: comparing Strings char by char, and a map of boxed positions, were most of
     * the cost of the pass.
     */
    static final class WordsByFirstChar {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final char[][] words;
        /** The numbers of the words that start with each char. */
        private final int[][] byFirst = new int[Character.MAX_VALUE + 1][];

        WordsByFirstChar(Set<String> words) {
            this.words = new char[words.size()][];
            Map<Character, List<Integer>> grouped = new HashMap<>();
            for (String word : words) {
                int number = numbers.size();
                numbers.put(word, number);
                this.words[number] = word.toCharArray();
                grouped.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(number);
            }
            grouped.forEach((first, starting) -> byFirst[first] = starting.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The numbers of the words of each group, -1 for a word not looked for: to ask {@link #holdingOneOfEach(int[][])}. */
        int[][] numbersOf(List<List<String>> wordGroups) {
            int[][] groups = new int[wordGroups.size()][];
            for (int g = 0; g < groups.length; g++) {
                groups[g] = wordGroups.get(g).stream().mapToInt(word -> numbers.getOrDefault(word, -1)).toArray();
            }
            return groups;
        }

        /** Where each word occurs in {@code chars}, overlaps included, in order; words absent are left out (for tests). */
        Map<String, List<Integer>> occurrencesIn(char[] chars) {
            Occurrences found = find(chars);
            Map<String, List<Integer>> byWord = new HashMap<>();
            numbers.forEach((word, number) -> {
                if (found.counts[number] > 0) {
                    byWord.put(word, Arrays.stream(found.positions[number], 0, found.counts[number]).boxed().toList());
                }
            });
            return byWord;
        }

        /** Where each word occurs in {@code chars}, overlaps included, in order. */
        Occurrences find(char[] chars) {
            Occurrences found = new Occurrences(this);
            for (int at = 0; at < chars.length; at++) {
                int[] starting = byFirst[chars[at]];
                if (starting == null) {
                    continue;
                }
                for (int number : starting) {
                    if (startsAt(chars, at, words[number])) {
                        found.add(number, at);
                    }
                }
            }
            return found;
        }

        private static boolean startsAt(char[] chars, int at, char[] word) {
            if (at + word.length > chars.length) {
                return false;
            }
            for (int i = 1; i < word.length; i++) {
                if (chars[at + i] != word[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Where each word of a {@link WordsByFirstChar} occurs in one text, by the word's number, ascending. */
    static final class Occurrences {
        private final WordsByFirstChar words;
        private final int[][] positions;
        private final int[] counts;

        Occurrences(WordsByFirstChar words) {
            this.words = words;
            this.positions = new int[words.words.length][];
            this.counts = new int[words.words.length];
        }

        void add(int number, int position) {
            int[] at = positions[number];
            if (at == null) {
                at = positions[number] = new int[4];
            } else if (counts[number] == at.length) {
                at = positions[number] = Arrays.copyOf(at, 2 * at.length);
            }
            at[counts[number]++] = position;
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

    /** The runs, as {start, end}, in text order, that hold one of the (lower-case) words of each group (for tests). */
    List<int[]> holdingOneOfEach(List<List<String>> wordGroups) {
        return holdingOneOfEach(occurrences.words.numbersOf(wordGroups));
    }

    /**
     * The runs, as {start, end}, in text order, that hold one of the words of each group, given by their
     * numbers ({@link WordsByFirstChar#numbersOf}, once per cue: looking each word up by its String, some
     * forty a text, cost more than the rest). A group none of whose words the text holds anywhere holds none
     * of the runs: then no run is read.
     */
    List<int[]> holdingOneOfEach(int[][] wordGroups) {
        for (int[] group : wordGroups) {
            if (!anyOccurs(group)) {
                return List.of();
            }
        }
        BitSet holding = null;
        for (int[] group : wordGroups) {
            BitSet holdingGroup = new BitSet(starts.length);
            for (int number : group) {
                if (number < 0) {
                    continue;
                }
                int[] positions = occurrences.positions[number];
                int count = occurrences.counts[number];
                int length = occurrences.words.words[number].length;
                for (int o = 0; o < count; o++) {
                    int at = positions[o];
                    int run = runAt(at);
                    if (run >= 0 && at + length <= ends[run]) {
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

    private boolean anyOccurs(int[] group) {
        for (int number : group) {
            if (number >= 0 && occurrences.counts[number] > 0) {
                return true;
            }
        }
        return false;
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
