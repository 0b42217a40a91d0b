package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The attributions of quoted mail are looked for only in a text that may hold one. */
class MailThreadTest {

    /** MailThread's attribution pattern, as it is written there. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?im)^(?:>\\s*)*(?:(.{0,160}?)\\s+(?:wrote|writes|a écrit|a ecrit)\\s*:|\\[([^\\]\\n]{2,60})\\]\\s*$)");

    @Test
    void aTextTurnedDownHoldsNoAttribution() {
        List<String> texts = new ArrayList<>(List.of("", "Thanks!", "On Tue, Jane Doe <jane@x.example> wrote:\n> hi",
                "Le 3 mars 2025, Jane a écrit :\n> bonjour", "Le 3 mars, Jane A ECRIT:", "JANE WROTE :", "Jane WRITES:",
                "[Jane Doe]\n> hi", "Jane wrote\n: x", "Jane a Écrit :", "Jane wroteé:", "x".repeat(10_000) + " Jane wrote:",
                "Jane w\u0280ote:", "ſ wrote:", "Jane \u212Arote:"));
        Random random = new Random(31);
        String[] pieces = {"Jane", " ", "\n", "> ", "wrote", "WRO", "te", "writes", "a ", "écrit", "ÉCRIT", "ecrit", "crit", ":", "[",
                "]", "x", "w", "c", "r", "\t", "é", "\u212A"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        int found = 0;
        for (String text : texts) {
            boolean holds = ATTRIBUTION.matcher(text).find();
            if (holds) {
                found++;
                assertThat(MailThread.mayHoldAttribution(text)).as(text).isTrue();
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(MailThread.mayHoldAttribution("Thanks for your note, see you soon.")).isFalse();
    }
}
