package com.pitchgate.analyze;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features the kind categoriser sees in a message. The direction of an ask lives in the small
 * words ("we offer" against "I need", "nous proposons" against "auriez-vous"), so unlike fit
 * scoring nothing is dropped as a function word: each word, folded to lower case without accents,
 * counts once, with each pair of neighbouring words and a few marks of form (a question, a link, a
 * price, an unfilled template field, a quoted reply; many links, prices or exclamation marks; words
 * in capitals). French and English share one model: their words rarely collide, and a message in
 * one language often quotes the other.
 */
final class KindFeatures {

    /** Beyond this, a message repeats itself, quotes others or carries its footer. */
    static final int READ_CHARS = 4_000;

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern TEMPLATE_FIELD = Pattern.compile(
            "\\{\\{[^{}\\n]{1,40}\\}\\}|\\{[A-Za-zÀ-ÿ_]{2,30}\\}|\\[[A-Z][A-Za-zÀ-ÿ_ ]{1,30}\\]|%[A-Z_]{3,30}%|\\*\\|[A-Z_]{2,20}\\|\\*");
    private static final Pattern MONEY = Pattern.compile("(?:[$€£]\\s?\\d|\\d\\s?(?:[$€£]|eur|euros?|usd|ht|ttc)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** From this many links, amounts or exclamation marks, a message is built to sell. */
    private static final int MANY = 3;
    /** One word in this many in capitals is shouting. */
    private static final int SHOUTING_SHARE = 8;

    private KindFeatures() {
    }

    static String[] of(String subject, String body) {
        String text = subject + "\n" + withoutQuotedLines(body);
        if (text.length() > READ_CHARS) {
            text = text.substring(0, READ_CHARS);
        }
        Set<String> features = new LinkedHashSet<>();
        if (body.lines().anyMatch(line -> line.startsWith(">"))) {
            features.add("has=quoted");
        }
        int links = count(LINK, text);
        if (links > 0) {
            features.add("has=link");
        }
        if (links >= MANY) {
            features.add("many=links");
        }
        if (TEMPLATE_FIELD.matcher(text).find()) {
            features.add("has=template_field");
        }
        int amounts = count(MONEY, text);
        if (amounts > 0) {
            features.add("has=money");
        }
        if (amounts >= MANY) {
            features.add("many=amounts");
        }
        if (text.indexOf('?') >= 0) {
            features.add("has=question");
        }
        if (text.indexOf('!') >= 0) {
            features.add("has=exclamation");
        }
        if (text.chars().filter(c -> c == '!').count() >= MANY) {
            features.add("many=exclamations");
        }
        if (shouts(text)) {
            features.add("has=shouting");
        }
        text = ADDRESS.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
        List<String> words = words(text);
        features.add("len=" + (words.size() < 12 ? "short" : words.size() < 60 ? "medium" : "long"));
        String previous = "^";
        for (String word : words) {
            features.add("w=" + word);
            features.add("b=" + previous + "_" + word);
            previous = word;
        }
        return features.toArray(String[]::new);
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (count < MANY && matcher.find()) {
            count++;
        }
        return count;
    }

    /**
     * Whether a good part of the words are written in capitals ("FREE", "ACT NOW"): mass mail shouts,
     * people seldom do. Acronyms are short, so only words of four letters or more count.
     */
    static boolean shouts(String text) {
        int words = 0;
        int capitals = 0;
        int length = text.length();
        int position = 0;
        while (position < length) {
            if (!Character.isLetter(text.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            boolean allUpper = true;
            while (position < length && Character.isLetter(text.charAt(position))) {
                allUpper &= Character.isUpperCase(text.charAt(position));
                position++;
            }
            if (position - start >= 4) {
                words++;
                if (allUpper) {
                    capitals++;
                }
            }
        }
        return capitals >= 3 && capitals * SHOUTING_SHARE >= words;
    }

    /** Words of letters, in lower case without accents; an apostrophe ends one ("l'espace": "l", "espace"). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int length = lower.length();
        int position = 0;
        while (position < length) {
            if (!Character.isLetter(lower.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < length && Character.isLetter(lower.charAt(position))) {
                position++;
            }
            if (position - start <= 30) {
                words.add(fold(lower.substring(start, position)));
            }
        }
        return words;
    }

    private static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return DIACRITICS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return word;
    }

    /** The body without the lines of an earlier message quoted in a reply ("> ..."). */
    private static String withoutQuotedLines(String body) {
        if (body.indexOf('>') < 0) {
            return body;
        }
        StringBuilder kept = new StringBuilder(body.length());
        body.lines().filter(line -> !line.startsWith(">")).forEach(line -> kept.append(line).append('\n'));
        return kept.toString();
    }
}
