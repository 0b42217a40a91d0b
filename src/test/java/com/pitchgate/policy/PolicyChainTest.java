package com.pitchgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import com.pitchgate.support.Pitches;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyChainTest {

    private final Pitch pitch = Pitches.pitch("x@y.example", "hello");

    @Test
    void aFailingPolicyBecomesAReasonAndTheOthersStillRun() {
        PolicyChain chain = new PolicyChain(List.of(
                new NamedPolicy("broken", "test", (p, c) -> {
                    throw new IllegalStateException("boom");
                }),
                new NamedPolicy("nothing", "test", (p, c) -> null),
                new NamedPolicy("works", "test", (p, c) -> PolicyOutcome.of(new Signal("seen", 1.5, "it ran")))), Map.of());

        ChainOutcome outcome = chain.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of())));

        assertThat(outcome.signals()).extracting(Reason::policy, Reason::signal).containsExactly(
                org.assertj.core.groups.Tuple.tuple("broken", "policy_error"),
                org.assertj.core.groups.Tuple.tuple("nothing", "policy_error"),
                org.assertj.core.groups.Tuple.tuple("works", "seen"));
        assertThat(outcome.signals().get(0).detail()).contains("boom");
        assertThat(outcome.score()).isEqualTo(1.5);
    }

    @Test
    void configuredWeightsReplaceThePolicysOwn() {
        PolicyChain chain = new PolicyChain(List.of(new NamedPolicy("p", "test",
                (p, c) -> PolicyOutcome.of(new Signal("tracking_pixel", -1.5, "")))), Map.of("tracking_pixel", -4.0));
        assertThat(chain.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of()))).score()).isEqualTo(-4.0);
    }

    @Test
    void theFirstVerdictInChainOrderWins() {
        PolicyChain chain = new PolicyChain(List.of(
                new NamedPolicy("first", "test", (p, c) -> PolicyOutcome.decide(new Verdict(Queue.AUTO_DECLINE, "a", ""))),
                new NamedPolicy("second", "test", (p, c) -> PolicyOutcome.decide(new Verdict(Queue.FORWARD, "b", "")))),
                Map.of());
        ChainOutcome outcome = chain.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of())));
        assertThat(outcome.verdict()).hasValueSatisfying(v -> {
            assertThat(v.policy()).isEqualTo("first");
            assertThat(v.verdict().queue()).isEqualTo(Queue.AUTO_DECLINE);
        });
    }

    @Test
    void unknownOrDuplicatePoliciesFailStartUpWithTheirName() {
        assertThatThrownBy(() -> PolicyChain.fromConfig(new PolicyChainConfig(List.of(
                new PolicyChainConfig.Entry("spam_filter", Map.of()))), Map.of()))
                .hasMessageContaining("unknown policy 'spam_filter'");
        assertThatThrownBy(() -> PolicyChain.fromConfig(new PolicyChainConfig(List.of(
                new PolicyChainConfig.Entry("bulk", Map.of()), new PolicyChainConfig.Entry("bulk", Map.of()))), Map.of()))
                .hasMessageContaining("'bulk' is listed twice");
        assertThatThrownBy(() -> PolicyChain.fromConfig(new PolicyChainConfig(List.of(
                new PolicyChainConfig.Entry("fit", Map.of("closeFit", "high")))), Map.of()))
                .hasMessageContaining("fit").hasMessageContaining("closeFit");
    }
}
