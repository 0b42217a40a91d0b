package com.pitchgate.policy.rules;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What rule conditions read: the pitch, and the signals raised before the rules ran. Lazily computed. */
final class RuleSubject {

    final Pitch pitch;
    final ScreeningContext context;
    private final Vocabulary vocabulary;
    private Set<String> words;
    private String text;

    /** @param vocabulary the words the rules look for: {@link #words} picks out these only */
    RuleSubject(Pitch pitch, ScreeningContext context, Vocabulary vocabulary) {
        this.pitch = pitch;
        this.context = context;
        this.vocabulary = vocabulary;
    }

    String text() {
        if (text == null) {
            text = pitch.fullText();
        }
        return text;
    }

    /** Those of the rules' words that the pitch's text holds, lower-cased. */
    Set<String> words() {
        if (words == null) {
            words = words(text().toLowerCase(Locale.ROOT), vocabulary);
        }
        return words;
    }

    /**
     * The runs of letters and digits that are among {@code wanted}; a loop, as splitting on a pattern cost
     * more than the rules did. A run is made a string only when its hash is a wanted word's: making one
     * of every word of a long text, for rules that look for three, was a tenth of the cost of screening
     * large e-mails.
     */
    static Set<String> words(String text, Vocabulary wanted) {
        Set<String> found = new HashSet<>();
        if (wanted.words().isEmpty()) {
            return found;
        }
        int start = -1;
        int hash = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean inWord = codePoint < 128 ? isAsciiLetterOrDigit(codePoint) : Character.isLetter(codePoint)
                    || Character.isDigit(codePoint) || Character.getType(codePoint) == Character.LETTER_NUMBER
                    || Character.getType(codePoint) == Character.OTHER_NUMBER;
            int width = Character.charCount(codePoint);
            if (inWord) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                for (int k = i; k < i + width; k++) {
                    hash = 31 * hash + text.charAt(k); // as String.hashCode, char by char
                }
            } else if (start >= 0) {
                addIfWanted(text, start, i, hash, wanted, found);
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            addIfWanted(text, start, text.length(), hash, wanted, found);
        }
        return found;
    }

    private static void addIfWanted(String text, int start, int end, int hash, Vocabulary wanted, Set<String> found) {
        if (Arrays.binarySearch(wanted.hashes(), hash) >= 0) {
            String word = text.substring(start, end);
            if (wanted.words().contains(word)) {
                found.add(word);
            }
        }
    }

    /** The words the rules look for, and their hashes, sorted: worked out once, when the rules are read. */
    record Vocabulary(Set<String> words, int[] hashes) {

        static final Vocabulary NONE = of(Set.of());

        static Vocabulary of(Set<String> words) {
            return new Vocabulary(Set.copyOf(words), words.stream().mapToInt(String::hashCode).sorted().distinct().toArray());
        }
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    Set<String> signals() {
        Set<String> names = new HashSet<>();
        for (RaisedSignal raised : context.signalsSoFar()) {
            names.add(raised.signal().name());
            names.add(raised.policy() + "/" + raised.signal().name());
        }
        return names;
    }

    double score() {
        return context.signalsSoFar().stream().mapToDouble(r -> r.signal().weight()).sum();
    }

    Optional<String> header(String name) {
        List<String> values = pitch.headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", values));
    }
}
