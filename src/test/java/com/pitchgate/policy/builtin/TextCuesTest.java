package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCuesTest {

    private final TextCues cues = new TextCues("\\bjust following up\\b", "\\{\\{\\s*first_name\\s*\\}\\}");

    @Test
    void findsEachPhraseOnceWhateverItsCase() {
        assertThat(cues.find("Hi {{first_name}}, Just following up... just following up", 5))
                .containsExactly("Just following up", "{{first_name}}");
    }

    @Test
    void readsOnlyTheStartOfALongText() {
        String filler = "x ".repeat(TextCues.WINDOW);
        assertThat(cues.find("Hi {{first_name}}, " + filler, 5)).containsExactly("{{first_name}}");
        assertThat(cues.find(filler + " Hi {{first_name}}", 5)).isEmpty();
    }
}
