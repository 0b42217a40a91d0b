package com.pitchgate.analyze;

import com.pitchgate.text.AddressMatches;
import com.pitchgate.text.MatchesAt;
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
    static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final AddressMatches ADDRESSES = new AddressMatches(ADDRESS, ".+-");
    static final Pattern TEMPLATE_FIELD = Pattern.compile(
            "\\{\\{[^{}\\n]{1,40}\\}\\}|\\{[A-Za-zÀ-ÿ_]{2,30}\\}|\\[[A-Z][A-Za-zÀ-ÿ_ ]{1,30}\\]|%[A-Z_]{3,30}%|\\*\\|[A-Z_]{2,20}\\|\\*");
    static final Pattern MONEY = Pattern.compile("(?:[$€£]\\s?\\d|\\d\\s?(?:[$€£]|eur|euros?|usd|ht|ttc)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** From this many links, amounts or exclamation marks, a message is built to sell. */
    private static final int MANY = 3;
    /** One word in this many in capitals is shouting. */
    private static final int SHOUTING_SHARE = 8;

    private KindFeatures() {
    }

    static String[] of(String subject, String body) {
        Sample sample = read(subject, body);
        Set<String> features = new LinkedHashSet<>(sample.marks());
        String previous = "^";
        for (String word : sample.words()) {
            features.add(WORD + word);
            features.add(PAIR + previous + PAIR_JOIN + word);
            previous = word;
        }
        return features.toArray(String[]::new);
    }

    /** The feature of a word, {@code w=word}. */
    static final String WORD = "w=";
    /** The feature of two neighbouring words, {@code b=first_second}; the first word of a text follows {@link #START}. */
    static final String PAIR = "b=";
    static final char PAIR_JOIN = '_';
    static final String START = "^";

    /**
     * What {@link #of} reads of a message before it makes a feature of each word and pair: the marks of
     * form and the length, in their order, and the words. {@link KindModel} weighs the same ({@link #reading}
     * and {@link #wordIds}), without making a string of each feature or word.
     */
    record Sample(List<String> marks, List<String> words) {
    }

    static Sample read(String subject, String body) {
        return read(subject, body, true);
    }

    /** As {@link #read(String, String)}, but running every pattern: for tests of the checks made first. */
    static Sample readRunningEveryPattern(String subject, String body) {
        return read(subject, body, false);
    }

    private static Sample read(String subject, String body, boolean checkFirst) {
        Reading reading = reading(subject, body, checkFirst);
        List<String> words = words(reading.text());
        reading.marks().add(lengthMark(words.size()));
        return new Sample(reading.marks(), words);
    }

    /**
     * The marks of form of a message, in their order, without the length, which needs the words of
     * the text with its links and addresses blanked out; that text, and its characters, for
     * {@link #wordIds} to read (and change) rather than copy the text once more.
     */
    record Reading(List<String> marks, String text, char[] charsOfText) {
    }

    /** What {@link #read(String, String)} reads but the words and the length they make. */
    static Reading reading(String subject, String body) {
        return reading(subject, body, true);
    }

    /** The mark of the length of a text of this many words, the last of the marks. */
    static String lengthMark(int words) {
        return words < 12 ? "len=short" : words < 60 ? "len=medium" : "len=long";
    }

    private static Reading reading(String subject, String body, boolean checkFirst) {
        int firstGreaterThan = body.indexOf('>');
        String text = textRead(subject, body, firstGreaterThan);
        List<String> marks = new ArrayList<>();
        if (hasQuotedLine(body, firstGreaterThan)) {
            marks.add("has=quoted");
        }
        char[] chars = checkFirst ? text.toCharArray() : null;
        Glance glance = checkFirst ? Glance.of(chars) : Glance.bySeparateChecks(text);
        List<int[]> linkSpans = checkFirst ? linkSpans(text, chars) : null;
        int links = checkFirst ? Math.min(linkSpans.size(), MANY) : count(LINK, text);
        if (links > 0) {
            marks.add("has=link");
        }
        if (links >= MANY) {
            marks.add("many=links");
        }
        if (checkFirst ? glance.templateBracket() && holdsTemplateField(text, chars) : TEMPLATE_FIELD.matcher(text).find()) {
            marks.add("has=template_field");
        }
        int amounts = checkFirst ? (glance.digit() ? amounts(text, chars) : 0) : count(MONEY, text);
        if (amounts > 0) {
            marks.add("has=money");
        }
        if (amounts >= MANY) {
            marks.add("many=amounts");
        }
        if (glance.question()) {
            marks.add("has=question");
        }
        if (glance.exclamation()) {
            marks.add("has=exclamation");
        }
        if (glance.manyExclamations()) {
            marks.add("many=exclamations");
        }
        if (glance.shouting()) {
            marks.add("has=shouting");
        }
        if (checkFirst) {
            String read = text;
            text = blanked(text, linkSpans);
            text = blanked(text, addressSpans(text));
            return new Reading(marks, text, text == read ? chars : text.toCharArray());
        }
        text = ADDRESS.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
        return new Reading(marks, text, text.toCharArray());
    }

    /*
     * Each pattern scans the whole text, position by position, and most messages hold nothing some of
     * them could match: an amount needs an ASCII digit (\d), a template field one of its brackets, and
     * those patterns run only on a text that holds one. Links and addresses are in most mail: those
     * patterns are tried only where a match of them can start, which is the same as scanning (the
     * matches found are those of find(), in the same places).
     */

    /**
     * What the marks of form read of each character of a text, in one pass over its array: whether it
     * holds an ASCII digit (an amount needs one), a bracket of a template field, a question mark, one or
     * {@link #MANY} exclamation marks, and whether it {@link #shouts}. Each was a pass of its own, each
     * character read by a call to {@code charAt} or {@code indexOf}: with the link candidates read from
     * the same array, and that array given to {@link #wordIds} when no link or address was blanked out,
     * a third of classifying a message of 4,000 characters under C1 (StageBenchmarks.classifyKind's,
     * thread CPU time: 95 to 62 us). Letters are none of the other characters looked for.
     */
    record Glance(boolean digit, boolean templateBracket, boolean question, boolean exclamation, boolean manyExclamations,
            boolean shouting) {

        static Glance of(char[] chars) {
            boolean digit = false;
            boolean templateBracket = false;
            boolean question = false;
            int exclamations = 0;
            int words = 0;
            int capitals = 0;
            int length = chars.length;
            int position = 0;
            while (position < length) {
                char c = chars[position];
                if (isLetter(c)) {
                    int start = position;
                    boolean allUpper = true;
                    do {
                        allUpper &= c < 128 ? c <= 'Z' : Character.isUpperCase(c);
                        position++;
                    } while (position < length && isLetter(c = chars[position]));
                    if (position - start >= 4) {
                        words++;
                        if (allUpper) {
                            capitals++;
                        }
                    }
                    continue;
                }
                switch (c) {
                    case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> digit = true;
                    case '{', '[', '%', '*' -> templateBracket = true;
                    case '?' -> question = true;
                    case '!' -> exclamations++;
                    default -> {
                    }
                }
                position++;
            }
            return new Glance(digit, templateBracket, question, exclamations > 0, exclamations >= MANY,
                    shoutingShare(words, capitals));
        }

        /** The same, each found by a pass of its own: what {@link #of} reproduces, for tests and {@link #readRunningEveryPattern}. */
        static Glance bySeparateChecks(String text) {
            return new Glance(holdsDigit(text), mayHoldTemplateField(text), text.indexOf('?') >= 0, text.indexOf('!') >= 0,
                    holdsMany(text, '!'), shouts(text));
        }
    }

    /**
     * Where {@link #LINK} matches, as its find() finds them. A match starts with "http" or "www." in
     * any case (ASCII's), so the pattern is tried there only, with the text around visible to its \b.
     */
    static List<int[]> linkSpans(String text) {
        return linkSpans(text, text.toCharArray());
    }

    /** As {@link #linkSpans(String)}, given the text's characters. */
    private static List<int[]> linkSpans(String text, char[] chars) {
        List<int[]> spans = new ArrayList<>();
        MatchesAt link = new MatchesAt(LINK, text);
        int from = 0;
        for (int start = 0; start + 4 <= chars.length; start++) {
            // Only 'h' and 'H' are 'h' ignoring case, and so of 't' and 'w' (KindFeaturesTest): "the" and
            // "which" are passed over without comparing regions, a call each under C1.
            int c = chars[start] | 0x20;
            int next = chars[start + 1] | 0x20;
            if ((c == 'h' && next == 't' || c == 'w' && next == 'w') && start >= from
                    && (text.regionMatches(true, start, "http", 0, 4) || text.regionMatches(true, start, "www.", 0, 4))
                    && link.at(start)) {
                spans.add(new int[] {start, link.matcher().end()});
                from = link.matcher().end();
            }
        }
        return spans;
    }

    /**
     * Whether {@link #TEMPLATE_FIELD} matches anywhere, as its find() says: each of its matches starts
     * with '{', '[', '%' or '*', and it is tried there only. Tried at every position by find(), through
     * the alternation's nodes, it was most of the time the marks of form took on a long text.
     */
    static boolean holdsTemplateField(String text, char[] chars) {
        MatchesAt field = new MatchesAt(TEMPLATE_FIELD, text);
        for (int start = 0; start < chars.length; start++) {
            switch (chars[start]) {
                case '{', '[', '%', '*' -> {
                    if (field.at(start)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * How many times {@link #MONEY} matches, up to {@link #MANY}, as find() counts them: each match
     * starts with a currency sign or an ASCII digit (\d is ASCII's, and the pattern ignores the case of
     * ASCII letters only), and is tried there only, the next from the end of the last.
     */
    static int amounts(String text, char[] chars) {
        MatchesAt amount = new MatchesAt(MONEY, text);
        int count = 0;
        for (int start = 0; start < chars.length && count < MANY; start++) {
            char c = chars[start];
            if ((c >= '0' && c <= '9' || c == '$' || c == '\u20AC' || c == '\u00A3') && amount.at(start)) {
                count++;
                start = amount.matcher().end() - 1;
            }
        }
        return count;
    }

    /** Where {@link #ADDRESS} matches, as its find() finds them: tried at each @ only. */
    static List<int[]> addressSpans(String text) {
        return ADDRESSES.spans(text);
    }

    /** The text with each span replaced by a space, as replaceAll(" ") replaces the matches. */
    private static String blanked(String text, List<int[]> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        for (int[] span : spans) {
            kept.append(text, from, span[0]).append(' ');
            from = span[1];
        }
        return kept.append(text, from, text.length()).toString();
    }

    private static boolean holdsMany(String text, char c) {
        int count = 0;
        for (int at = text.indexOf(c); at >= 0 && ++count < MANY; at = text.indexOf(c, at + 1)) {
            // counted
        }
        return count >= MANY;
    }

    private static boolean holdsDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldTemplateField(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '{', '[', '%', '*' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    static int count(Pattern pattern, String text) {
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
            if (!isLetter(text.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            boolean allUpper = true;
            char c;
            while (position < length && isLetter(c = text.charAt(position))) {
                allUpper &= c < 128 ? c <= 'Z' : Character.isUpperCase(c);
                position++;
            }
            if (position - start >= 4) {
                words++;
                if (allUpper) {
                    capitals++;
                }
            }
        }
        return shoutingShare(words, capitals);
    }

    private static boolean shoutingShare(int words, int capitals) {
        return capitals >= 3 && capitals * SHOUTING_SHARE >= words;
    }

    /** Words of letters, in lower case without accents; an apostrophe ends one ("l'espace": "l", "espace"). */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int length = lower.length();
        List<String> words = new ArrayList<>(length / 6 + 10);
        int position = 0;
        while (position < length) {
            if (!isLetter(lower.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < length && isLetter(lower.charAt(position))) {
                position++;
            }
            if (position - start <= 30) {
                words.add(fold(lower.substring(start, position)));
            }
        }
        return words;
    }

    /**
     * The words of {@link #words}, in their order, each as its number in the model (-1 for a word it
     * does not know), into {@code ids}. A word of ASCII letters, most of them, is looked up by its
     * characters, without a string of its own; only a word with a letter beyond ASCII is cut out and
     * folded as {@link #words} does. The text is read from an array (under C1 each {@code charAt} is a
     * call), and a text of Latin-1 is put in lower case as it is read: there {@code toLowerCase} maps
     * each character by itself, a letter to a letter and anything else to itself.
     */
    static void wordIds(String text, KindModel model, KindModel.WordIds ids) {
        wordIds(text, text.toCharArray(), model, ids);
    }

    /** As {@link #wordIds(String, KindModel, KindModel.WordIds)}, given the text's characters, which it puts in lower case. */
    static void wordIds(String text, char[] chars, KindModel model, KindModel.WordIds ids) {
        if (!wordIdsOfLatin1(chars, model, ids)) {
            ids.clear();
            wordIdsOfLowerCase(text.toLowerCase(Locale.ROOT).toCharArray(), model, ids);
        }
    }

    /** {@link #wordIds} of a text of Latin-1, lower-cased here; false, with some ids added, if it holds another character. */
    private static boolean wordIdsOfLatin1(char[] chars, KindModel model, KindModel.WordIds ids) {
        int length = chars.length;
        int position = 0;
        while (position < length) {
            char c = chars[position];
            if (c > LATIN_1) {
                return false;
            }
            if (!isLetter(c)) {
                position++;
                continue;
            }
            int start = position;
            int hash = 0;
            boolean ascii = true;
            while (position < length && isLetter(c = chars[position])) {
                if (c < 128) {
                    c = c <= 'Z' ? (char) (c | 0x20) : c;
                } else if (c <= LATIN_1) {
                    c = Character.toLowerCase(c);
                    ascii = false;
                } else {
                    return false;
                }
                chars[position] = c;
                hash = 31 * hash + c; // String.hashCode's
                position++;
            }
            if (position - start <= 30) {
                ids.add(ascii ? model.idOf(chars, start, position, hash) : model.idOf(fold(new String(chars, start, position - start))));
            }
        }
        return true;
    }

    /** {@link #wordIds} of a text already in lower case. */
    private static void wordIdsOfLowerCase(char[] lower, KindModel model, KindModel.WordIds ids) {
        int length = lower.length;
        int position = 0;
        while (position < length) {
            if (!isLetter(lower[position])) {
                position++;
                continue;
            }
            int start = position;
            int hash = 0;
            boolean ascii = true;
            char c;
            while (position < length && isLetter(c = lower[position])) {
                hash = 31 * hash + c; // String.hashCode's
                ascii &= c < 128;
                position++;
            }
            if (position - start <= 30) {
                ids.add(ascii ? model.idOf(lower, start, position, hash) : model.idOf(fold(new String(lower, start, position - start))));
            }
        }
    }

    private static final char LATIN_1 = '\u00FF';

    /**
     * {@link Character#isLetter(char)}, answered without its tables for ASCII, where the letters are
     * A-Z and a-z only: most of the characters of most mail.
     */
    static boolean isLetter(char c) {
        return c < 128 ? ASCII_LETTERS[c] : Character.isLetter(c);
    }

    /** Small enough for C1 to inline {@link #isLetter} (35 bytes of code at most), which it did not with the comparisons. */
    private static final boolean[] ASCII_LETTERS = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_LETTERS[c] = true;
            ASCII_LETTERS[Character.toUpperCase(c)] = true;
        }
    }

    private static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return DIACRITICS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return word;
    }

    /**
     * The subject, a line break and the body without the lines of an earlier message quoted in a reply
     * ("> ..."; as soon as the body holds a '>', each line ends with a '\n', as {@link String#lines}
     * splits them), cut at {@link #READ_CHARS}. Only what is read is copied: a body of 100,000
     * characters was split into lines and copied whole, twice, to read 4,000 of them.
     */
    static String textRead(String subject, String body) {
        return textRead(subject, body, body.indexOf('>'));
    }

    /** As {@link #textRead(String, String)}, given where the body's first '>' is (-1: nowhere), which {@link #read} looks for once. */
    private static String textRead(String subject, String body, int firstGreaterThan) {
        int room = READ_CHARS - subject.length() - 1;
        if (room < 0) {
            return (subject + "\n").substring(0, READ_CHARS);
        }
        StringBuilder text = new StringBuilder(Math.min(READ_CHARS, subject.length() + 1 + body.length()));
        text.append(subject).append('\n');
        if (firstGreaterThan < 0) {
            return text.append(body, 0, Math.min(body.length(), room)).toString();
        }
        int length = body.length();
        int start = 0;
        while (start < length && text.length() < READ_CHARS) {
            int end = start;
            char c = 0;
            while (end < length && (c = body.charAt(end)) != '\n' && c != '\r') {
                end++;
            }
            if (end == start || body.charAt(start) != '>') {
                text.append(body, start, end).append('\n');
            }
            start = end < length && c == '\r' && end + 1 < length && body.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        if (text.length() > READ_CHARS) {
            text.setLength(READ_CHARS);
        }
        return text.toString();
    }

    /** Whether a line of the body, as {@link String#lines} splits them, starts with '>'. */
    static boolean hasQuotedLine(String body) {
        return hasQuotedLine(body, body.indexOf('>'));
    }

    private static boolean hasQuotedLine(String body, int firstGreaterThan) {
        for (int at = firstGreaterThan; at >= 0; at = body.indexOf('>', at + 1)) {
            if (at == 0 || body.charAt(at - 1) == '\n' || body.charAt(at - 1) == '\r') {
                return true;
            }
        }
        return false;
    }
}
