package com.pitchgate.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.policy.ChainOutcome;
import com.pitchgate.policy.Reason;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.Verdict;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(new RoutingConfig());
    private final SpaceProfile space = Pitches.space(List.of(), List.of());
    private final Pitch pitch = Pitches.pitch("x@y.example", "hello");

    @Test
    void scoreAtOrAboveForwardThresholdForwards() {
        Decision decision = route(signal(3.0));
        assertThat(decision.queue()).isEqualTo(Queue.FORWARD);
        assertThat(decision.targets()).containsExactly(Router.MANAGER);
    }

    @Test
    void scoreAtOrBelowDeclineThresholdDeclines() {
        Decision decision = route(signal(-2.0), signal(-1.0));
        assertThat(decision.queue()).isEqualTo(Queue.AUTO_DECLINE);
        assertThat(decision.score()).isEqualTo(-3.0);
        assertThat(decision.targets()).isEmpty();
    }

    @Test
    void scoreBetweenThresholdsRequiresAnIntro() {
        assertThat(route(signal(-2.9)).queue()).isEqualTo(Queue.REQUIRES_INTRO);
    }

    /** An intro is asked of what reads as a pitch: with nothing against a message, a person looks. */
    @Test
    void aScoreShortOfForwardingWithNothingAgainstItForwards() {
        Decision decision = route(signal(2.9));
        assertThat(decision.queue()).isEqualTo(Queue.FORWARD);
        assertThat(decision.reasons()).anyMatch(reason -> reason.decisive() && reason.signal().equals("nothing_against"));
    }

    @Test
    void aVerdictDecidesWhateverTheScore() {
        ChainOutcome outcome = new ChainOutcome(List.of(signal(9.0)), Optional.of(new ChainOutcome.DecidingVerdict(
                "no_memory", new Verdict(Queue.AUTO_DECLINE, "declined_before", "said no"))));
        Decision decision = router.route(pitch, space, outcome);
        assertThat(decision.queue()).isEqualTo(Queue.AUTO_DECLINE);
        Reason decisive = decision.reasons().get(0);
        assertThat(decisive.decisive()).isTrue();
        assertThat(decisive.policy()).isEqualTo("no_memory");
        assertThat(decisive.signal()).isEqualTo("declined_before");
    }

    @Test
    void withNoEvidenceAPersonLooks() {
        Decision decision = route();
        assertThat(decision.queue()).isEqualTo(Queue.FORWARD);
        assertThat(decision.reasons()).anyMatch(r -> r.signal().equals("no_evidence") && r.decisive());
    }

    @Test
    void forwardTargetsMembersOpenToTheOfferFirst() {
        Pitch.Fit fit = new Pitch.Fit(0.1, Map.of("ana", 0.5, "bo", 0.3),
                Map.of("bo.openTo", List.of("accounting software"), "ana.skills", List.of("design")));
        Decision decision = router.route(Pitches.pitch("x@y.example", "hello", fit), space,
                new ChainOutcome(List.of(signal(4.0)), Optional.empty()));
        assertThat(decision.targets()).containsExactly("bo");
    }

    @Test
    void forwardTargetsMembersWhoseFieldItIsAboveTheThreshold() {
        Pitch.Fit fit = new Pitch.Fit(0.1, Map.of("ana", 0.5, "bo", 0.1),
                Map.of("ana.skills", List.of("design"), "bo.skills", List.of("wood")));
        Decision decision = router.route(Pitches.pitch("x@y.example", "hello", fit), space,
                new ChainOutcome(List.of(signal(4.0)), Optional.empty()));
        assertThat(decision.targets()).containsExactly("ana");
    }

    private Decision route(Reason... signals) {
        return router.route(pitch, space, new ChainOutcome(List.of(signals), Optional.empty()));
    }

    private static Reason signal(double weight) {
        return new Reason("test", "s" + weight, weight, "", false);
    }
}
