package com.pitchgate.analyze;

import java.util.regex.Pattern;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The text as OpenNLP's language detector reads it before taking its n-grams: after its default
 * normalisers (those of {@code LanguageDetectorFactory}: emoji, URLs and addresses, Twitter marks,
 * numbers, then repeats), lower-cased code point by code point.
 *
 * <p>Those normalisers run eleven regular-expression passes over the sample, each making a new
 * string. Text without surrogates (nearly all mail) is rewritten here by hand instead, pass by pass
 * in the same order, in one array: each pass does what its pattern does on such text (the patterns
 * of the Twitter and shrink normalisers, OpenNLP's {@code TwitterCharSequenceNormalizer} and {@code
 * ShrinkCharSequenceNormalizer}, are repeated here). Only the RT and laugh patterns, whose \b and
 * back-references are not repeated, still run, and only when the text holds what they could act on.
 * Text with a surrogate goes through the patterns, each pass skipped when it has nothing to act on,
 * since how Java's patterns read a char above U+FFFF or a lone surrogate is not repeated here. {@code
 * DetectorNormaliserTest} compares both ways with OpenNLP's own normalisers.
 */
final class DetectorNormaliser {

    private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
    private static final Pattern RT = Pattern.compile("\\b(rt[ :])+", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACE = Pattern.compile("[:;x]-?[()dop]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAUGH = Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEAT = Pattern.compile("(.)\\1{2,}", Pattern.CASE_INSENSITIVE);

    /**
     * OpenNLP's emoji pattern, [\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+, reads as Java parses it: the middle
     * surrogates make one code point, so the class is the hyphen and every code point from U+D83C up
     * to U+10FC00 (checked over all code points). Text holding none of those has nothing it replaces:
     * no hyphen and no char from U+D83C up (a code point above U+FFFF has its second char there).
     */
    private static final char EMOJI_FROM = '\uD83C';

    String normalise(CharSequence document) {
        String text = document.toString();
        char[] chars = text.toCharArray();
        int length = chars.length;
        for (char c : chars) {
            if (Character.isSurrogate(c)) {
                return normaliseByPatterns(text);
            }
        }
        length = replaceEmojis(chars, length);
        length = replaceUrls(chars, length);
        length = replaceAddresses(chars, length);
        length = replaceHashtagsAndUsers(chars, length);
        if (holdsRt(chars, length)) {
            length = replaceByPattern(chars, length, RT, " ");
        }
        length = replaceFaces(chars, length);
        if (holdsLaugh(chars, length)) {
            length = replaceByPattern(chars, length, LAUGH, "$1$2$1$2");
        }
        length = replaceNumbers(chars, length);
        length = shrinkSpaces(chars, length);
        length = shrinkRepeats(chars, length);
        int from = 0;
        while (from < length && chars[from] <= ' ') {
            from++;
        }
        while (length > from && chars[length - 1] <= ' ') {
            length--;
        }
        for (int i = from; i < length; i++) {
            char c = chars[i];
            // With no surrogate, each char is a code point, and Character.toLowerCase keeps a char one char.
            chars[i] = c < ASCII ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) : Character.toLowerCase(c);
        }
        return new String(chars, from, length - from);
    }

    /**
     * Text with a surrogate, through the patterns themselves: how Java's regular expressions read a
     * char above U+FFFF, or a lone surrogate, is not repeated here.
     */
    private static String normaliseByPatterns(String text) {
        if (text.indexOf('-') >= 0 || holdsAnyIn(text, EMOJI_FROM, Character.MAX_VALUE)) {
            text = EmojiCharSequenceNormalizer.getInstance().normalize(text).toString();
        }
        if (text.contains("http") || text.indexOf('@') >= 0) {
            text = UrlCharSequenceNormalizer.getInstance().normalize(text).toString();
        }
        if (text.indexOf('#') >= 0 || text.indexOf('@') >= 0) {
            text = HASH_USER.matcher(text).replaceAll(" ");
        }
        if (holdsRt(text.toCharArray(), text.length())) {
            text = RT.matcher(text).replaceAll(" ");
        }
        if (holdsFace(text)) {
            text = FACE.matcher(text).replaceAll(" ");
        }
        if (holdsLaugh(text.toCharArray(), text.length())) {
            text = LAUGH.matcher(text).replaceAll("$1$2$1$2");
        }
        if (holdsAnyIn(text, '0', '9')) {
            text = NumberCharSequenceNormalizer.getInstance().normalize(text).toString();
        }
        if (holdsSpaces(text)) {
            text = SPACES.matcher(text).replaceAll(" ");
        }
        if (holdsRepeat(text)) {
            // With a space after it, which trim() takes away: the JDK's case-insensitive back-reference
            // reads past a char above U+FFFF that ends the text ("x" and two U+10FFFF threw
            // StringIndexOutOfBoundsException, failing the pitch). Other texts come out the same.
            text = REPEAT.matcher(text + " ").replaceAll("$1$1");
        }
        text = text.trim();
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            lower.appendCodePoint(Character.toLowerCase(codePoint));
            i += Character.charCount(codePoint);
        }
        return lower.toString();
    }

    private static final int ASCII = 128;

    /** The pattern's replacement of {@code chars[0..length)}, written back in place (never longer); its length. */
    private static int replaceByPattern(char[] chars, int length, Pattern pattern, String replacement) {
        String replaced = pattern.matcher(new String(chars, 0, length)).replaceAll(replacement);
        replaced.getChars(0, replaced.length(), chars, 0);
        return replaced.length();
    }

    /*
     * The passes below rewrite the chars in place, each as its OpenNLP pattern does on text without
     * surrogates (each replacement is no longer than what it replaces), and return the new length.
     */

    /** [\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+ to a space: without surrogates, a run of hyphens and chars from U+E000. */
    private static int replaceEmojis(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            char c = chars[read++];
            if (c == '-' || c >= EMOJI_FROM) {
                while (read < length && (chars[read] == '-' || chars[read] >= EMOJI_FROM)) {
                    read++;
                }
                c = ' ';
            }
            chars[written++] = c;
        }
        return written;
    }

    /** https?://[-_.?&~;+=/#0-9A-Za-z]+ to a space. */
    private static int replaceUrls(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            int end = urlEnd(chars, read, length);
            if (end > read) {
                chars[written++] = ' ';
                read = end;
            } else {
                chars[written++] = chars[read++];
            }
        }
        return written;
    }

    /** Where the URL starting at {@code at} ends, or {@code at} when none starts there. */
    private static int urlEnd(char[] chars, int at, int length) {
        if (at + 8 > length || chars[at] != 'h' || chars[at + 1] != 't' || chars[at + 2] != 't' || chars[at + 3] != 'p') {
            return at;
        }
        int colon = chars[at + 4] == 's' ? at + 5 : at + 4;
        if (colon + 3 >= length || chars[colon] != ':' || chars[colon + 1] != '/' || chars[colon + 2] != '/') {
            return at;
        }
        int end = colon + 3;
        while (end < length && isUrlChar(chars[end])) {
            end++;
        }
        return end > colon + 3 ? end : at;
    }

    private static boolean isUrlChar(char c) {
        return isAsciiLetterOrDigit(c) || switch (c) {
            case '-', '_', '.', '?', '&', '~', ';', '+', '=', '/', '#' -> true;
            default -> false;
        };
    }

    /**
     * (?<![-+_.0-9A-Za-z])[-+_.0-9A-Za-z]+@[-0-9A-Za-z]+[-.0-9A-Za-z]+ to a space: a whole run of
     * local-part chars, an at sign, then a run of domain chars whose first is no dot and that has two
     * or more (the greedy first part gives one back to the second where it took them all).
     */
    private static int replaceAddresses(char[] chars, int length) {
        int written = 0;
        char before = ' '; // the char before read in the text as it came: the look-behind reads it
        for (int read = 0; read < length; ) {
            int end = read;
            if (!isLocalPartChar(before)) {
                int at = read;
                while (at < length && isLocalPartChar(chars[at])) {
                    at++;
                }
                if (at > read && at + 2 < length && chars[at] == '@' && chars[at + 1] != '.' && isDomainChar(chars[at + 1])) {
                    int domainEnd = at + 1;
                    while (domainEnd < length && isDomainChar(chars[domainEnd])) {
                        domainEnd++;
                    }
                    end = domainEnd - (at + 1) >= 2 ? domainEnd : read;
                }
            }
            if (end > read) {
                before = chars[end - 1];
                chars[written++] = ' ';
                read = end;
            } else {
                before = chars[read];
                chars[written++] = chars[read++];
            }
        }
        return written;
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '+' || c == '_' || c == '.';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** [#@]\S+ to a space. */
    private static int replaceHashtagsAndUsers(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            char c = chars[read++];
            if ((c == '#' || c == '@') && read < length && !isSpace(chars[read])) {
                while (read < length && !isSpace(chars[read])) {
                    read++;
                }
                c = ' ';
            }
            chars[written++] = c;
        }
        return written;
    }

    /** [:;x]-?[()dop], in any case, to a space. */
    private static int replaceFaces(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            char c = chars[read++];
            if ((c == ':' || c == ';' || c == 'x' || c == 'X') && read < length) {
                if (isFaceEnd(chars[read])) {
                    read++;
                    c = ' ';
                } else if (chars[read] == '-' && read + 1 < length && isFaceEnd(chars[read + 1])) {
                    read += 2;
                    c = ' ';
                }
            }
            chars[written++] = c;
        }
        return written;
    }

    /** \d+ (ASCII digits only, as Java reads it) to a space. */
    private static int replaceNumbers(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            char c = chars[read++];
            if (c >= '0' && c <= '9') {
                while (read < length && chars[read] >= '0' && chars[read] <= '9') {
                    read++;
                }
                c = ' ';
            }
            chars[written++] = c;
        }
        return written;
    }

    /** \s{2,} to a space. */
    private static int shrinkSpaces(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            char c = chars[read++];
            if (isSpace(c) && read < length && isSpace(chars[read])) {
                while (read < length && isSpace(chars[read])) {
                    read++;
                }
                c = ' ';
            }
            chars[written++] = c;
        }
        return written;
    }

    /**
     * (.)\1{2,} to $1$1, case-insensitive: a char other than a line end three times or more in a row,
     * ASCII letters in either case (the back-reference compares them so), to the first one twice.
     */
    private static int shrinkRepeats(char[] chars, int length) {
        int written = 0;
        for (int read = 0; read < length; ) {
            char c = chars[read];
            int end = read + 1;
            if (!isLineEnd(c)) {
                char folded = asciiLower(c);
                while (end < length && asciiLower(chars[end]) == folded) {
                    end++;
                }
            }
            if (end - read >= 3) {
                chars[written++] = c;
                chars[written++] = c;
            } else {
                for (int i = read; i < end; i++) {
                    chars[written++] = chars[i];
                }
            }
            read = end;
        }
        return written;
    }

    /** What the dot does not match: line terminators, as Java's patterns read them without UNIX_LINES. */
    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Two whitespace chars in a row, as \s reads them: what the spaces pass shrinks. */
    private static boolean holdsSpaces(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (isSpace(text.charAt(i)) && isSpace(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The same char three times in a row (ASCII letters in any case), which the repeat pass cuts to
     * two; or any surrogate: the JDK's back-reference compares a char above U+FFFF with the two code
     * points that follow it, so there it could match otherwise.
     */
    private static boolean holdsRepeat(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = asciiLower(text.charAt(i));
            if (Character.isSurrogate(c)
                    || i + 2 < text.length() && asciiLower(text.charAt(i + 1)) == c && asciiLower(text.charAt(i + 2)) == c) {
                return true;
            }
        }
        return false;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean holdsAnyIn(String text, char first, char last) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= first && c <= last) {
                return true;
            }
        }
        return false;
    }

    /** What the face pattern matches: [:;x]-?[()dop], in any case. */
    private static boolean holdsFace(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == ';' || c == 'x' || c == 'X') {
                char next = text.charAt(i + 1);
                if (isFaceEnd(next) || next == '-' && i + 2 < text.length() && isFaceEnd(text.charAt(i + 2))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isFaceEnd(char c) {
        return switch (c) {
            case '(', ')', 'd', 'o', 'p', 'D', 'O', 'P' -> true;
            default -> false;
        };
    }

    /**
     * What every match of the laugh pattern, ([hj])+([aieou])+(\1+\2+)+, holds: an h or a j, vowels,
     * then the same h or j again ("hah", "JIj"), in any case.
     */
    private static boolean holdsLaugh(char[] text, int length) {
        for (int i = 0; i + 2 < length; i++) {
            char consonant = Character.toLowerCase(text[i]);
            if ((consonant == 'h' || consonant == 'j') && isVowel(text[i + 1])) {
                int next = i + 2;
                while (next < length && isVowel(text[next])) {
                    next++;
                }
                if (next < length && (text[next] | 0x20) == consonant) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return switch (c | 0x20) {
            case 'a', 'e', 'i', 'o', 'u' -> true;
            default -> false;
        };
    }

    /**
     * "rt " or "rt:" in any case where the RT pattern's \b may stand before it: not after an ASCII
     * letter, digit or underscore, which are word chars however \b reads them ("support ", "start ").
     */
    private static boolean holdsRt(char[] chars, int length) {
        for (int i = 0; i + 2 < length; i++) {
            char r = chars[i];
            if ((r == 'r' || r == 'R') && (chars[i + 1] == 't' || chars[i + 1] == 'T')
                    && (chars[i + 2] == ' ' || chars[i + 2] == ':') && (i == 0 || !isAsciiWordChar(chars[i - 1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_';
    }
}
