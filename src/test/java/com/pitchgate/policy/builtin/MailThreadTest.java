package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.Pitch;
import com.pitchgate.support.RandomTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
            String text = RandomTexts.join(random, pieces, random.nextInt(12));
            texts.add(text);
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

    /**
     * Reading attributions at line starts, once per body and sender, answers as find() over the whole body:
     * on random replies quoting their sender, someone else or nobody, with every line terminator; a pitch
     * read again, and one with an equal body but another sender, get their own answers.
     */
    @Test
    void quotesOnlyItselfAsFindOverTheWholeBody() {
        String[] pieces = {"Jane", "Jane Doe", "jane@x.example", "Bob", " ", "\n", "\r\n", "\r", "\u2028", "\u0085", "> ", ">",
            " wrote:", " writes :", " a écrit :", "On Tue,", "[Jane Doe]", "[Bob]", "[", "]", "x", "\t", "é", ":"};
        List<Pitch.Address> senders = List.of(new Pitch.Address("jane@x.example", "Jane Doe", "x.example"),
                new Pitch.Address("jane@x.example", "", "x.example"), new Pitch.Address("bob@y.example", "Bob", "y.example"),
                new Pitch.Address("", "", ""));
        Random random = new Random(53);
        int quotingItself = 0;
        int quotingOthers = 0;
        for (int i = 0; i < 20_000; i++) {
            String body = RandomTexts.join(random, pieces, random.nextInt(16));
            for (int read = 0; read < 2; read++) {
                Pitch.Address sender = senders.get(random.nextInt(senders.size()));
                Pitch pitch = reply(body, sender);
                boolean expected = MailThread.quotesOnlyItselfScanning(pitch);
                assertThat(MailThread.quotesOnlyItself(pitch)).as(body).isEqualTo(expected);
                assertThat(MailThread.quotesOnlyItself(pitch)).as(body).isEqualTo(expected);
                if (expected) {
                    quotingItself++;
                } else if (ATTRIBUTION.matcher(body).find()) {
                    quotingOthers++;
                }
            }
        }
        assertThat(quotingItself).isGreaterThan(500);
        assertThat(quotingOthers).isGreaterThan(500);
    }

    private static Pitch reply(String body, Pitch.Address sender) {
        return new Pitch(1, "email", sender, Optional.empty(), Optional.empty(), "Re: x", body, List.of(), "en",
                Map.of("in-reply-to", List.of("<a@b.example>")), Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
    }
}
