package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Signal;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkPolicyTest {

    private final BulkPolicy policy = new BulkPolicy();

    private static Pitch pitch(String body, double bumpProbability) {
        MessageKind kind = new MessageKind(MessageKind.BUMP, Map.of(MessageKind.BUMP, bumpProbability,
                MessageKind.OFFER, 1 - bumpProbability - 0.1, MessageKind.CORRESPONDENCE, 0.1));
        return new Pitch(1, "email", new Pitch.Address("hannah@snacks.example", "Hannah", "snacks.example"), Optional.empty(),
                Optional.of("snacks.example"), "Re: Healthy snacks", body, List.of(), "en", Map.of(), Set.of(), Set.of(),
                List.of(), Pitch.Fit.NONE, kind);
    }

    private List<String> signals(Pitch pitch) {
        return policy.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of()))).signals().stream()
                .map(Signal::name).toList();
    }

    @Test
    void aBumpTheCategoriserIsSureOfIsABump() {
        assertThat(signals(pitch("Any thoughts on the snacks?", 0.7))).contains("follow_up_bump");
    }

    /** Two weak pieces of evidence that agree: the categoriser leans to a bump, and the text says it is one. */
    @Test
    void aLeaningToABumpConfirmedInSoManyWordsIsABump() {
        assertThat(signals(pitch("Bumping this to the top of your inbox in case it got buried!", 0.45)))
                .contains("follow_up_bump");
        assertThat(signals(pitch("Any thoughts on the snacks?", 0.45))).doesNotContain("follow_up_bump");
    }
}
