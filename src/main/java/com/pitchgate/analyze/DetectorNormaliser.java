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
 * string; most pitches hold no URL, address, hashtag, "RT", face, laugh, digit or triple letter, so
 * each pass runs only when the text holds what it could act on. The patterns of the Twitter and
 * shrink normalisers are repeated here (OpenNLP's {@code TwitterCharSequenceNormalizer} and
 * {@code ShrinkCharSequenceNormalizer}) so that each can be skipped alone; {@code
 * DetectorNormaliserTest} compares the result with OpenNLP's own normalisers.
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
        if (text.indexOf('-') >= 0 || holdsAnyIn(text, EMOJI_FROM, Character.MAX_VALUE)) {
            text = EmojiCharSequenceNormalizer.getInstance().normalize(text).toString();
        }
        if (text.contains("http") || text.indexOf('@') >= 0) {
            text = UrlCharSequenceNormalizer.getInstance().normalize(text).toString();
        }
        if (text.indexOf('#') >= 0 || text.indexOf('@') >= 0) {
            text = HASH_USER.matcher(text).replaceAll(" ");
        }
        if (holdsRt(text)) {
            text = RT.matcher(text).replaceAll(" ");
        }
        if (holdsFace(text)) {
            text = FACE.matcher(text).replaceAll(" ");
        }
        if (holdsLaugh(text)) {
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
    private static boolean holdsLaugh(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char consonant = Character.toLowerCase(text.charAt(i));
            if ((consonant == 'h' || consonant == 'j') && isVowel(text.charAt(i + 1))) {
                int next = i + 2;
                while (next < text.length() && isVowel(text.charAt(next))) {
                    next++;
                }
                if (next < text.length() && (text.charAt(next) | 0x20) == consonant) {
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

    /** "rt " or "rt:" in any case: what the RT pattern needs (its \b aside). */
    private static boolean holdsRt(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            char r = text.charAt(i);
            if ((r == 'r' || r == 'R') && (text.charAt(i + 1) == 't' || text.charAt(i + 1) == 'T')
                    && (text.charAt(i + 2) == ' ' || text.charAt(i + 2) == ':')) {
                return true;
            }
        }
        return false;
    }
}
