package com.pitchgate.policy.rules;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What rule conditions read: the pitch, and the signals raised before the rules ran. Lazily computed. */
final class RuleSubject {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
            words = new HashSet<>();
            for (String word : NON_WORD.split(text().toLowerCase(Locale.ROOT))) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
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
