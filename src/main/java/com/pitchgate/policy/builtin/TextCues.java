package com.pitchgate.policy.builtin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named phrase patterns, compiled once into a single pattern, and the phrases of a text they find.
 *
 * <p>Only the start of a text is read: greetings, merge fields, requests and offers come first, and
 * scanning a whole long body with dozens of patterns was the largest cost of screening (see README,
 * Benchmarks). The patterns are one alternation, each in a group of its own, with the word boundary
 * most of them start with tested once per position instead of once per pattern: a text is scanned
 * once, not once per pattern.
 */
final class TextCues {

    /** Characters read from the start of a text. */
    static final int WINDOW = 6_000;

    private static final String WORD_BOUNDARY = "\\b";

    private final Pattern combined;
    private final int count;

    TextCues(String... regexes) {
        List<String> atWordStart = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (int i = 0; i < regexes.length; i++) {
            Pattern.compile(regexes[i]); // a faulty pattern is reported as itself, not as part of the whole
            if (allBranchesStartWithWordBoundary(regexes[i])) {
                atWordStart.add(group(i, regexes[i].substring(WORD_BOUNDARY.length())));
            } else {
                elsewhere.add(group(i, regexes[i]));
            }
        }
        List<String> alternatives = new ArrayList<>();
        if (!atWordStart.isEmpty()) {
            alternatives.add(WORD_BOUNDARY + "(?:" + String.join("|", atWordStart) + ")");
        }
        alternatives.addAll(elsewhere);
        this.combined = Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.count = regexes.length;
    }

    /**
     * The distinct phrases found, as written in the text, at most {@code limit}: those of the first
     * pattern first, each pattern's in the order they appear.
     */
    List<String> find(String text, int limit) {
        String window = text.length() <= WINDOW ? text : text.substring(0, WINDOW);
        List<Match> matches = new ArrayList<>();
        Matcher matcher = combined.matcher(window);
        while (matcher.find()) {
            for (int i = 0; i < count; i++) {
                if (matcher.start(groupName(i)) >= 0) {
                    matches.add(new Match(i, matcher.start(), matcher.group().strip()));
                    break;
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::pattern).thenComparingInt(Match::position));
        List<String> found = new ArrayList<>();
        for (Match match : matches) {
            if (found.size() >= limit) {
                break;
            }
            if (found.stream().noneMatch(match.phrase()::equalsIgnoreCase)) {
                found.add(match.phrase());
            }
        }
        return found;
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
}
