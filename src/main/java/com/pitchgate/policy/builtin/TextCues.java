package com.pitchgate.policy.builtin;

import com.pitchgate.text.MatchesAt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named phrase patterns, compiled once, and the phrases of a text they find.
 *
 * <p>Only the start of a text is read: greetings, merge fields, requests and offers come first, and
 * scanning a whole long body with dozens of patterns was the largest cost of screening (see
 * docs/benchmarks.md). The patterns are compiled into two alternations, each pattern in a group of its own,
 * so that a text is scanned once rather than once per pattern: those that start with a word
 * boundary, tried at word starts only (the boundary test at every character cost most), and the
 * others, searched for everywhere. At a word start only the patterns that can begin with its first
 * characters (up to four) are tried: trying each in turn at every word was still a fifth of the cost
 * of screening, and with two characters resetting the matcher at each word was still a twentieth.
 * The others are tried only at characters they can begin with (a bracket, a sign): trying them at
 * every character was a tenth of it. Where the words of a text start is found once for all the sets
 * of cues read in it (the built-in policies read six in the same text): walking the text once per
 * set, character by character, was a fifth of the policy chain's time. {@code TextCuesSameAsRegexTest}
 * checks that all this finds what the plain alternations find.
 */
final class TextCues {

    /** Characters read from the start of a text. */
    static final int WINDOW = 6_000;

    private static final String WORD_BOUNDARY = "\\b";
    /** A line break inside a phrase found, and the indent around it: reported as one space. */
    private static final Pattern LINE_BREAK = Pattern.compile(" *\n *");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** First characters for which the patterns that may follow are worked out in advance: Latin letters and digits. */
    private static final char DISPATCHED = 0x250;
    private static final char ASCII = 0x80;
    /** How many first characters of a word, when ASCII, narrow down the patterns tried there. */
    private static final int DISPATCH_DEPTH = 4;

    /** The patterns that start at a word, without their leading boundary: tried at word starts only. */
    private final Alternation atWordStart;
    /**
     * For each first character below {@link #DISPATCHED}, the patterns of {@link #atWordStart} that can
     * start with it, in the same order (so the same one wins), and for ASCII those that can start with
     * each following character too, up to {@link #DISPATCH_DEPTH}; null where none can.
     */
    private final Prefix[] startingWith = new Prefix[DISPATCHED];
    /** How many alternations are tried at word starts: each has a slot for its matcher while a text is read. */
    private int alternations;
    /** The others (merge fields and the like): searched for everywhere. */
    private final Alternation elsewhere;
    /**
     * For each character below {@link #DISPATCHED}, whether one of {@link #elsewhere} can start with
     * it; null when one can match nothing at all, and so start anywhere. Merge fields start with a
     * bracket or a sign: looking for those first spares trying every pattern at every character.
     */
    private final boolean[] elsewhereStartsWith;
    /** Word characters below {@link #DISPATCHED}, as {@link #isWordCharacter} tells them. */
    private static final boolean[] WORD_CHARACTERS = new boolean[DISPATCHED];

    static {
        for (char c = 0; c < DISPATCHED; c++) {
            WORD_CHARACTERS[c] = c == '_' || Character.isLetterOrDigit(c);
        }
    }

    /** The patterns, as given. */
    private final List<String> regexes;

    TextCues(String... written) {
        String[] regexes = Arrays.stream(written).map(TextCues::spacesMatchLineBreaks).toArray(String[]::new);
        this.regexes = List.of(regexes);
        List<String> wordStart = new ArrayList<>();
        List<Integer> wordStartIndexes = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<Integer> otherIndexes = new ArrayList<>();
        for (int i = 0; i < regexes.length; i++) {
            Pattern.compile(regexes[i]); // a faulty pattern is reported as itself, not as part of the whole
            if (allBranchesStartWithWordBoundary(regexes[i])) {
                wordStart.add(group(i, regexes[i].substring(WORD_BOUNDARY.length())));
                wordStartIndexes.add(i);
            } else {
                other.add(group(i, regexes[i]));
                otherIndexes.add(i);
            }
        }
        this.atWordStart = Alternation.of(wordStart, wordStartIndexes, alternations++);
        this.elsewhere = Alternation.of(other, otherIndexes, -1);
        this.elsewhereStartsWith = firstCharacters(other);
        dispatchOnFirstCharacters(wordStart, wordStartIndexes);
    }

    /**
     * The characters below {@link #DISPATCHED} that one of these patterns can start with (in any case);
     * null when one matches the empty text. As for word starts, a pattern that looked behind its start
     * would be misjudged.
     */
    private static boolean[] firstCharacters(List<String> groups) {
        List<Pattern> each = groups.stream().map(group -> Pattern.compile(group, FLAGS)).toList();
        if (each.stream().anyMatch(pattern -> pattern.matcher("").lookingAt())) {
            return null;
        }
        boolean[] startsWith = new boolean[DISPATCHED];
        for (char first = 0; first < DISPATCHED; first++) {
            startsWith[first] = !canStart(each, String.valueOf(first), allOf(each.size())).isEmpty();
        }
        return startsWith;
    }

    /**
     * Which patterns can start with each character, and for ASCII with each string of a few characters:
     * those that match it alone, or that read it and want more ({@link Matcher#hitEnd}). One that
     * rejects the start of a word cannot match there, so leaving it out changes no match. (A pattern
     * that looked behind its start would be misjudged; none of the cues does.)
     */
    private void dispatchOnFirstCharacters(List<String> groups, List<Integer> indexes) {
        List<Pattern> each = groups.stream().map(group -> Pattern.compile(group, FLAGS)).toList();
        Map<List<Integer>, Alternation> bySubset = new HashMap<>();
        for (char first = 0; first < DISPATCHED; first++) {
            if (isWordCharacter(first)) {
                startingWith[first] = prefix(String.valueOf(first), allOf(each.size()), each, groups, indexes, bySubset);
            }
        }
    }

    /** The patterns, among {@code among}, that can start with {@code start}, and those for each ASCII character after it. */
    private Prefix prefix(String start, List<Integer> among, List<Pattern> each, List<String> groups, List<Integer> indexes,
            Map<List<Integer>, Alternation> bySubset) {
        List<Integer> candidates = canStart(each, start, among);
        if (candidates.isEmpty()) {
            return null;
        }
        Prefix[] next = null;
        if (start.length() < DISPATCH_DEPTH && start.charAt(start.length() - 1) < ASCII) {
            next = new Prefix[ASCII];
            for (char following = 0; following < ASCII; following++) {
                next[following] = prefix(start + following, candidates, each, groups, indexes, bySubset);
            }
        }
        return new Prefix(subset(candidates, groups, indexes, bySubset), next);
    }

    /** Which of the {@code among} patterns can match a text that starts with {@code start}. */
    private static List<Integer> canStart(List<Pattern> patterns, String start, List<Integer> among) {
        List<Integer> candidates = new ArrayList<>();
        for (int k : among) {
            Matcher matcher = patterns.get(k).matcher(start);
            if (matcher.lookingAt() || matcher.hitEnd()) {
                candidates.add(k);
            }
        }
        return candidates;
    }

    private static List<Integer> allOf(int count) {
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            all.add(k);
        }
        return all;
    }

    /** The alternation of these patterns, in their order, one per distinct subset; null for none. */
    private Alternation subset(List<Integer> subset, List<String> groups, List<Integer> indexes,
            Map<List<Integer>, Alternation> bySubset) {
        return subset.isEmpty() ? null : bySubset.computeIfAbsent(subset, k -> Alternation.of(
                k.stream().map(groups::get).toList(), k.stream().map(indexes::get).toList(), alternations++));
    }

    /** The patterns to try at a word that starts at {@code position} with {@code first}; null when none can match. */
    private Alternation candidatesAt(String text, int position, int first) {
        if (first >= DISPATCHED) {
            return atWordStart;
        }
        Prefix prefix = startingWith[first];
        int length = text.length();
        for (int next = position + 1; prefix != null && prefix.next() != null && next < length; next++) {
            char following = text.charAt(next);
            if (following >= ASCII) {
                break;
            }
            prefix = prefix.next()[following];
        }
        return prefix == null ? null : prefix.candidates();
    }

    /**
     * The distinct phrases found, as written in the text, at most {@code limit}: those of the first
     * pattern first, each pattern's in the order they appear.
     */
    List<String> find(String text, int limit) {
        String window = text.length() <= WINDOW ? text : text.substring(0, WINDOW);
        List<Match> matches = new ArrayList<>();
        if (atWordStart != null) {
            findAtWordStarts(WordStarts.of(window), matches);
        }
        if (elsewhere != null) {
            findElsewhere(window, matches);
        }
        matches.sort(Comparator.comparingInt(Match::pattern).thenComparingInt(Match::position));
        List<String> found = new ArrayList<>();
        for (Match match : matches) {
            if (found.size() >= limit) {
                break;
            }
            String phrase = LINE_BREAK.matcher(match.phrase()).replaceAll(" ");
            if (found.stream().noneMatch(phrase::equalsIgnoreCase)) {
                found.add(phrase);
            }
        }
        return found;
    }

    /**
     * What {@code \b(?:...)} with {@code find()} would find, trying the patterns only where a word
     * starts rather than at every character: the boundary was the costliest part of each try. After a
     * match, the next try is at the first word that starts where it ends or later.
     */
    private void findAtWordStarts(WordStarts words, List<Match> matches) {
        String window = words.text();
        MatchesAt[] tries = new MatchesAt[alternations];
        int resume = 0;
        for (int i = 0; i < words.count(); i++) {
            int position = words.at(i);
            if (position < resume) {
                continue;
            }
            int first = window.codePointAt(position);
            Alternation candidates = candidatesAt(window, position, first);
            if (candidates == null) {
                continue;
            }
            MatchesAt at = tries[candidates.slot()];
            if (at == null) {
                at = new MatchesAt(candidates.pattern(), window);
                tries[candidates.slot()] = at;
            }
            if (at.at(position)) {
                matches.add(candidates.match(at.matcher()));
                resume = Math.max(at.matcher().end(), position + Character.charCount(first));
            }
        }
    }

    /**
     * What {@code find()} would find, trying the patterns only where a character they can start with
     * is: the same matches, since at each place the alternation is tried as {@code find()} tries it.
     */
    private void findElsewhere(String window, List<Match> matches) {
        if (elsewhereStartsWith == null) {
            Matcher matcher = elsewhere.pattern().matcher(window);
            while (matcher.find()) {
                matches.add(elsewhere.match(matcher));
            }
            return;
        }
        MatchesAt at = new MatchesAt(elsewhere.pattern(), window);
        int length = window.length();
        int position = 0;
        while (position < length) {
            char c = window.charAt(position);
            boolean mayStart = c < DISPATCHED ? elsewhereStartsWith[c]
                    : !(Character.isLowSurrogate(c) && position > 0 && Character.isHighSurrogate(window.charAt(position - 1)));
            if (mayStart && at.at(position)) {
                matches.add(elsewhere.match(at.matcher()));
                position = Math.max(at.matcher().end(), position + 1);
                continue;
            }
            position++;
        }
    }

    /** A word character as {@code \b} sees one (without UNICODE_CHARACTER_CLASS). */
    private static boolean isWordCharacter(int codePoint) {
        return codePoint < DISPATCHED ? WORD_CHARACTERS[codePoint] : Character.isLetterOrDigit(codePoint);
    }

    List<String> regexes() {
        return regexes;
    }

    static String quoted(List<String> phrases) {
        return "\"" + String.join("\", \"", phrases) + "\"";
    }

    private static String group(int index, String regex) {
        return "(?<" + groupName(index) + ">" + regex + ")";
    }

    private static String groupName(int index) {
        return "cue" + index;
    }

    /**
     * The pattern with each space (outside a character class) matching a line break too, and the
     * indent after it: mail is wrapped at 72 or so characters, and "address for your / subscription"
     * is the same phrase. Extracted text keeps single line breaks, a space may start a line, and every
     * other run of white space is one space.
     */
    static String spacesMatchLineBreaks(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == ' ') {
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
                boolean optional = next == '?' || next == '*';
                out.append(optional ? "[ \\n]*" : "[ \\n]+");
                if (optional || next == '+') {
                    i++;
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whether the pattern starts with a word boundary, and so does each of its top-level branches:
     * then the boundary can be tested once for all such patterns without changing what they match.
     */
    static boolean allBranchesStartWithWordBoundary(String regex) {
        for (String branch : topLevelBranches(regex)) {
            if (!branch.startsWith(WORD_BOUNDARY)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> topLevelBranches(String regex) {
        List<String> branches = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                branches.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(regex.substring(start));
        return branches;
    }

    private record Match(int pattern, int position, String phrase) {
    }

    /**
     * Where the words of a text start: a word character (as {@code \b} sees one) at the start or
     * after a character that is not one. The last text's are kept, per thread: the built-in policies
     * each read the same subject and body, and ask for several sets of cues in it.
     */
    record WordStarts(String text, int[] starts, int count) {

        private static final ThreadLocal<WordStarts> LAST = new ThreadLocal<>();

        static WordStarts of(String text) {
            WordStarts last = LAST.get();
            if (last != null && last.text.equals(text)) {
                return last;
            }
            WordStarts found = find(text);
            LAST.set(found);
            return found;
        }

        private static WordStarts find(String text) {
            int[] starts = new int[16];
            int count = 0;
            int length = text.length();
            boolean afterWord = false;
            int position = 0;
            while (position < length) {
                char c = text.charAt(position);
                int codePoint = Character.isHighSurrogate(c) ? text.codePointAt(position) : c;
                boolean word = isWordCharacter(codePoint);
                if (word && !afterWord) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * count);
                    }
                    starts[count++] = position;
                }
                afterWord = word;
                position += Character.charCount(codePoint);
            }
            return new WordStarts(text, starts, count);
        }

        int at(int index) {
            return starts[index];
        }
    }

    /** The patterns that can start with some characters, and for each ASCII character that may follow, those that still can. */
    private record Prefix(Alternation candidates, Prefix[] next) {
    }

    /** Patterns joined in one pattern, each in the group named by its index among the cues. */
    private record Alternation(Pattern pattern, List<Integer> indexes, int slot) {

        /** The alternation of these groups; null when there are none. */
        static Alternation of(List<String> groups, List<Integer> indexes, int slot) {
            return groups.isEmpty() ? null : new Alternation(Pattern.compile(String.join("|", groups), FLAGS),
                    List.copyOf(indexes), slot);
        }

        /** The cue that matched, where, and what it found. */
        Match match(Matcher matcher) {
            for (int i : indexes) {
                if (matcher.start(groupName(i)) >= 0) {
                    return new Match(i, matcher.start(), matcher.group().strip());
                }
            }
            throw new IllegalStateException("a match of no pattern");
        }
    }
}
