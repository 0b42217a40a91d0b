package com.pitchgate.policy.rules;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What rule conditions read: the pitch, and the signals raised before the rules ran. Lazily computed. */
final class RuleSubject {

    final Pitch pitch;
    final ScreeningContext context;
    private Set<String> words;
    private String text;

    RuleSubject(Pitch pitch, ScreeningContext context) {
        this.pitch = pitch;
        this.context = context;
    }

    String text() {
        if (text == null) {
            text = pitch.fullText();
        }
        return text;
    }

    Set<String> words() {
        if (words == null) {
            words = words(text().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The runs of letters and digits; a loop, as splitting on a pattern cost more than the rules did. */
    static Set<String> words(String text) {
        Set<String> found = new HashSet<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean inWord = codePoint < 128 ? isAsciiLetterOrDigit(codePoint) : Character.isLetter(codePoint)
                    || Character.isDigit(codePoint) || Character.getType(codePoint) == Character.LETTER_NUMBER
                    || Character.getType(codePoint) == Character.OTHER_NUMBER;
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                found.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            found.add(text.substring(start));
        }
        return found;
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
