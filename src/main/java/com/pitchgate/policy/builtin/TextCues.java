package com.pitchgate.policy.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named phrase patterns, compiled once, and the phrases of a text they find. Only the start of a
 * text is read: greetings, merge fields, requests and offers come first, and scanning a whole long
 * body with dozens of patterns was the largest cost of screening (see README, Benchmarks).
 */
final class TextCues {

    /** Characters read from the start of a text. */
    static final int WINDOW = 6_000;

    private final List<Pattern> patterns;

    TextCues(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            compiled.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        this.patterns = List.copyOf(compiled);
    }

    /** The distinct phrases found, as written in the text, at most {@code limit}. */
    List<String> find(String text, int limit) {
        String window = text.length() <= WINDOW ? text : text.substring(0, WINDOW);
        List<String> found = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(window);
            while (matcher.find() && found.size() < limit) {
                String phrase = matcher.group().strip();
                if (found.stream().noneMatch(phrase::equalsIgnoreCase)) {
                    found.add(phrase);
                }
            }
        }
        return found;
    }

    static String quoted(List<String> phrases) {
        return "\"" + String.join("\", \"", phrases) + "\"";
    }
}
