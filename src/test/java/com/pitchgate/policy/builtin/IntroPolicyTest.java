package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntroPolicyTest {

    private static final String BODY = "Hi Sophie,\n\nHarriet Lowe suggested I write to you. I run strategy workshops for "
            + "small studios and would like to start a monthly session for freelancers here.\n\nCould we meet for a coffee?\n\nBest,\nAnna";

    private final IntroPolicy policy = new IntroPolicy();

    private static Pitch pitch(Map<String, Double> probabilities) {
        return pitch(probabilities, Pitch.Fit.NONE);
    }

    private static Pitch pitch(Map<String, Double> probabilities, Pitch.Fit fit) {
        return pitch(probabilities, fit, Map.of());
    }

    private static Pitch pitch(Map<String, Double> probabilities, Pitch.Fit fit, Map<String, List<String>> headers) {
        String best = probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Pitch(1, "form", new Pitch.Address("anna@workshops.example", "Anna Berg", "workshops.example"),
                Optional.empty(), Optional.of("workshops.example"), "Harriet Lowe suggested I write", BODY, List.of(), "en",
                headers, Set.of(), Set.of(), List.of("Harriet Lowe"), fit, new MessageKind(best, probabilities));
    }

    /** Someone nobody knows does not vouch for what the space does not want: that is left to the fit policy. */
    @Test
    void anUnknownIntermediaryDoesNotVouchForWhatIsNotWanted() {
        Pitch.Fit unwanted = new Pitch.Fit(0.1, Map.of(), Map.of("notWanted", List.of("SEO")));
        PolicyOutcome outcome = outcome(pitch(Map.of(MessageKind.INTRO, 0.9, MessageKind.OFFER, 0.1), unwanted));
        assertThat(outcome.verdict()).isEmpty();
    }

    private PolicyOutcome outcome(Pitch pitch) {
        return policy.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of())));
    }

    /** Its closing question ("could we meet?") leaves asking ahead of offering, but it is an introduction all the same. */
    @Test
    void aSureIntroductionThroughSomeoneUnknownNeedsOneEvenWhenItEndsOnAQuestion() {
        PolicyOutcome outcome = outcome(pitch(Map.of(MessageKind.INTRO, 0.9, MessageKind.INQUIRY, 0.07, MessageKind.OFFER, 0.03)));
        assertThat(outcome.verdict()).hasValueSatisfying(verdict -> {
            assertThat(verdict.queue()).isEqualTo(Queue.REQUIRES_INTRO);
            assertThat(verdict.signal()).isEqualTo("unknown_intermediary");
        });
    }

    /** A customer needs no intro: a message that reads above all as a request is left to the inquiry policy. */
    @Test
    void aRequestThatNamesSomeoneUnknownIsNotAskedForAnIntro() {
        PolicyOutcome outcome = outcome(pitch(Map.of(MessageKind.INQUIRY, 0.6, MessageKind.INTRO, 0.3, MessageKind.OFFER, 0.1)));
        assertThat(outcome.verdict()).isEmpty();
    }

    /**
     * A first message that names its intermediary is an introduction, whatever a categoriser unsure
     * of it guesses; a reply in a thread or a post to a list that mentions a name is correspondence.
     */
    @Test
    void aNamedIntermediaryOutweighsAnUnsureReadingOfCorrespondence() {
        Map<String, Double> unsure = Map.of(MessageKind.CORRESPONDENCE, 0.27, MessageKind.OFFER, 0.25, MessageKind.INTRO, 0.2,
                MessageKind.INQUIRY, 0.18, MessageKind.BULK, 0.1);
        Map<String, Double> sure = Map.of(MessageKind.CORRESPONDENCE, 0.7, MessageKind.OFFER, 0.1, MessageKind.INTRO, 0.1,
                MessageKind.INQUIRY, 0.1);

        assertThat(outcome(pitch(unsure)).verdict()).hasValueSatisfying(verdict ->
                assertThat(verdict.signal()).isEqualTo("unknown_intermediary"));
        assertThat(outcome(pitch(sure)).verdict()).isEmpty();
        assertThat(outcome(pitch(unsure, Pitch.Fit.NONE, Map.of("in-reply-to", List.of("<a@b.example>")))).verdict()).isEmpty();
        assertThat(outcome(pitch(unsure, Pitch.Fit.NONE, Map.of("list-id", List.of("<fork.xent.example>")))).verdict()).isEmpty();
    }

    /** A name alone is part of another when a name of two words or more holds it: as each pair was compared before. */
    @Test
    void aNameIsPartOfAnotherAsWhenEachPairWasCompared() {
        List<List<String>> messages = List.of(List.of(), List.of("Claire"), List.of("Claire", "Claire Dubois"),
                List.of("Claire Dubois", "Dubois", "Marie", "Jean-Luc Ménard", "Ménard", "Jean-Luc", " Anne Marie", "Anne"),
                List.of("Anne\tMarie", "Anne", "Marie", "Tom Hale Smith", "Smith", "", "Hale"), List.of(" ", "  x", "x"));
        for (List<String> candidates : messages) {
            Set<String> words = IntroPolicy.wordsOfFullNames(candidates);
            for (String candidate : candidates) {
                assertThat(IntroPolicy.partOfAnotherName(candidate, words)).as(candidate + " in " + candidates)
                        .isEqualTo(partOfAnotherNameComparingEachPair(candidate, candidates));
            }
        }
    }

    private static boolean partOfAnotherNameComparingEachPair(String candidate, List<String> candidates) {
        if (candidate.indexOf(' ') >= 0) {
            return false;
        }
        for (String other : candidates) {
            if (other.indexOf(' ') > 0 && List.of(other.split("\\s+")).contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
