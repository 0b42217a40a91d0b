package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TextCues skips most of a text (it tries patterns only at word starts that they can begin with, and
 * merge-field patterns only at characters they can begin with); this checks it finds what the plain
 * reading finds: each kind of pattern joined in one alternation, searched for with {@code find()}.
 * The texts are random, made of the words and signs of the built-in cues themselves, in any case.
 * A phrase found across a line break is reported with a space there, as it would be read.
 */
class TextCuesSameAsRegexTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String[] NOISE = {" ", " ", " ", "  ", "\n", ", ", ". ", "'", "-", "/", "{", "}", "{{", "}}", "[", "]",
        "%", "*|", "|*", "_", "é", "É", "à", "ç", "Ω", "ß", "İ", "\uD83D\uDE00", "42", "x", "a", "an", "the", "le"};

    static List<TextCues> builtInCues() {
        return List.of(BulkPolicy.MERGE_FIELDS, BulkPolicy.FOLLOW_UPS, HomeworkPolicy.GENERIC_GREETINGS,
                HomeworkPolicy.TEMPLATE_OPENERS, InquiryPolicy.REQUESTS, InquiryPolicy.CUSTOMER_TOPICS, InquiryPolicy.OFFERS);
    }

    @ParameterizedTest
    @MethodSource("builtInCues")
    void findsWhatTheOnePassRegexFinds(TextCues cues) {
        List<String> words = wordsOf(cues.regexes());
        Random random = new Random(cues.regexes().hashCode());
        for (int text = 0; text < 400; text++) {
            String sample = randomText(random, words, 20 + random.nextInt(300));
            assertThat(cues.find(sample, 6)).as(sample).isEqualTo(onePass(cues.regexes(), sample, 6));
        }
    }

    /** The letters-only words and the phrases between operators of the patterns: what can make them match. */
    private static List<String> wordsOf(List<String> regexes) {
        TreeSet<String> words = new TreeSet<>();
        for (String regex : regexes) {
            for (String piece : regex.split("\\\\[bsw]|[()?:|\\[\\]{}*+\\\\]")) {
                if (!piece.isBlank()) {
                    words.add(piece);
                }
                for (String word : piece.split("[^\\p{L}']+")) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
        }
        return List.copyOf(words);
    }

    private static String randomText(Random random, List<String> words, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String piece = random.nextInt(3) == 0 ? NOISE[random.nextInt(NOISE.length)] : words.get(random.nextInt(words.size()));
            text.append(switch (random.nextInt(4)) {
                case 0 -> piece.toUpperCase(Locale.ROOT);
                case 1 -> piece.isEmpty() ? piece : Character.toUpperCase(piece.charAt(0)) + piece.substring(1);
                default -> piece;
            });
            if (random.nextInt(4) != 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    /** The reading TextCues stands for: one pass of {@code \b(?:...)} and one of the other patterns, with find(). */
    private static List<String> onePass(List<String> regexes, String text, int limit) {
        String window = text.length() <= TextCues.WINDOW ? text : text.substring(0, TextCues.WINDOW);
        List<String> atWords = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            String regex = regexes.get(i);
            if (TextCues.allBranchesStartWithWordBoundary(regex)) {
                atWords.add("(?<cue" + i + ">" + regex.substring(2) + ")");
            } else {
                others.add("(?<cue" + i + ">" + regex + ")");
            }
        }
        List<int[]> found = new ArrayList<>(); // cue, position, start, end
        if (!atWords.isEmpty()) {
            collect(Pattern.compile("\\b(?:" + String.join("|", atWords) + ")", FLAGS), regexes.size(), window, found);
        }
        if (!others.isEmpty()) {
            collect(Pattern.compile(String.join("|", others), FLAGS), regexes.size(), window, found);
        }
        found.sort(Comparator.<int[]>comparingInt(match -> match[0]).thenComparingInt(match -> match[1]));
        List<String> phrases = new ArrayList<>();
        for (int[] match : found) {
            String phrase = window.substring(match[1], match[2]).strip().replaceAll("\\s*\n\\s*", " ");
            if (phrases.size() < limit && phrases.stream().noneMatch(phrase::equalsIgnoreCase)) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    private static void collect(Pattern pattern, int cues, String window, List<int[]> found) {
        Matcher matcher = pattern.matcher(window);
        while (matcher.find()) {
            for (int i = 0; i < cues; i++) {
                if (pattern.pattern().contains("(?<cue" + i + ">") && matcher.start("cue" + i) >= 0) {
                    found.add(new int[] {i, matcher.start(), matcher.end()});
                    break;
                }
            }
        }
    }
}
