package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.support.Pitches;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownSenderPolicyTest {

    private final KnownSenderPolicy policy = new KnownSenderPolicy();

    @ParameterizedTest
    @CsvSource({
            "bad@spam.example, block_list, auto_decline",
            "anyone@mail.spam.example, block_list, auto_decline",
            "friend@partner.example, allow_list, forward",
            "vip@elsewhere.example, allow_list, forward",
            "ana@ruche.example, known_member, forward",
            "both@allowed-and-blocked.example, block_list, auto_decline",
    })
    void listsAndMembersDecide(String email, String signal, String queue) {
        var space = Pitches.space(List.of("@partner.example", "vip@elsewhere.example", "allowed-and-blocked.example"),
                List.of("spam.example", "allowed-and-blocked.example"));
        PolicyOutcome outcome = policy.evaluate(Pitches.pitch(email, "hello"), Pitches.context(space));
        assertThat(outcome.verdict()).hasValueSatisfying(v -> {
            assertThat(v.signal()).isEqualTo(signal);
            assertThat(v.queue()).isEqualTo(Queue.fromId(queue).orElseThrow());
        });
    }

    @ParameterizedTest
    @CsvSource({"stranger@else.example", "vip@elsewhere.example.evil.example", "x@notspam.example"})
    void strangersGetNoVerdict(String email) {
        var space = Pitches.space(List.of("vip@elsewhere.example"), List.of("spam.example"));
        assertThat(policy.evaluate(Pitches.pitch(email, "hello"), Pitches.context(space)).verdict()).isEmpty();
    }
}
