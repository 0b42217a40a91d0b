package com.pitchgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.pitchgate.plugin.PolicyCatalog;
import com.pitchgate.plugin.PolicyType;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import com.pitchgate.support.Pitches;
import io.dropwizard.util.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PolicyChainTest {

    private final Pitch pitch = Pitches.pitch("x@y.example", "hello");
    private final List<PolicyChain> chains = new ArrayList<>();

    @AfterEach
    void stopChains() {
        chains.forEach(PolicyChain::stop);
    }

    @Test
    void aFailingPolicyBecomesAReasonAndTheOthersStillRun() {
        PolicyChain chain = chain(Map.of(),
                policy("broken", (p, c) -> {
                    throw new IllegalStateException("boom");
                }),
                policy("nothing", (p, c) -> null),
                policy("works", (p, c) -> PolicyOutcome.of(new Signal("seen", 1.5, "it ran"))));

        ChainOutcome outcome = evaluate(chain);

        assertThat(outcome.signals()).extracting(Reason::policy, Reason::signal).containsExactly(
                tuple("broken", "policy_error"), tuple("nothing", "policy_error"), tuple("works", "seen"));
        assertThat(outcome.signals().get(0).detail()).contains("boom");
        assertThat(outcome.score()).isEqualTo(1.5);
        assertThat(chain.policies().get(0).consecutiveFailures()).isEqualTo(1);
        assertThat(chain.policies().get(2).consecutiveFailures()).isZero();
    }

    @Test
    void aPolicyPastItsTimeBudgetIsSkippedAndTheOthersStillRun() {
        CountDownLatch never = new CountDownLatch(1);
        NamedPolicy hanging = new NamedPolicy("hanging", type("hanging"), (p, c) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PolicyOutcome.of(new Signal("late", 9, ""));
        }, java.time.Duration.ofMillis(50));
        PolicyChain chain = chain(Map.of(), hanging,
                policy("works", (p, c) -> PolicyOutcome.of(new Signal("seen", 1, ""))));

        long start = System.nanoTime();
        ChainOutcome outcome = evaluate(chain);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(outcome.signals()).extracting(Reason::policy, Reason::signal)
                .containsExactly(tuple("hanging", "policy_error"), tuple("works", "seen"));
        assertThat(outcome.signals().get(0).detail()).contains("time budget of 50 ms");
    }

    @Test
    void nonsenseIsRefused() {
        List<Signal> flood = new ArrayList<>(Collections.nCopies(80, new Signal("flood", 0.1, "")));
        PolicyChain chain = chain(Map.of(),
                policy("flooding", (p, c) -> PolicyOutcome.of(flood)),
                policy("huge", (p, c) -> PolicyOutcome.of(new Signal("huge", 1e6, ""))),
                policy("ghost", (p, c) -> PolicyOutcome.decide(new Verdict(Queue.FORWARD, "x", "", List.of("nobody")))));

        ChainOutcome outcome = evaluate(chain);

        assertThat(outcome.signals().stream().filter(r -> r.signal().equals("flood"))).hasSize(PolicyChain.MAX_SIGNALS);
        assertThat(outcome.signals()).anyMatch(r -> r.policy().equals("huge") && r.signal().equals("policy_error"));
        assertThat(outcome.signals()).noneMatch(r -> r.signal().equals("huge"));
        assertThat(outcome.verdict()).hasValueSatisfying(v -> assertThat(v.verdict().targets()).isEmpty());
        assertThat(outcome.signals()).anyMatch(r -> r.policy().equals("ghost") && r.detail().contains("nobody"));
    }

    @Test
    void configuredWeightsReplaceThePolicysOwn() {
        PolicyChain chain = chain(Map.of("tracking_pixel", -4.0),
                policy("p", (p, c) -> PolicyOutcome.of(new Signal("tracking_pixel", -1.5, ""))));
        assertThat(evaluate(chain).score()).isEqualTo(-4.0);
    }

    @Test
    void eachPolicySeesTheSignalsRaisedBeforeIt() {
        List<List<RaisedSignal>> seen = new ArrayList<>();
        PolicyChain chain = chain(Map.of("first_signal", 2.0),
                policy("first", (p, c) -> PolicyOutcome.of(new Signal("first_signal", 1, ""))),
                policy("second", (p, c) -> {
                    seen.add(c.signalsSoFar());
                    return PolicyOutcome.nothing();
                }));
        evaluate(chain);
        assertThat(seen).singleElement().satisfies(raised -> assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.policy()).isEqualTo("first");
            assertThat(r.signal().weight()).isEqualTo(2.0);
        }));
    }

    @Test
    void theFirstVerdictInChainOrderWins() {
        PolicyChain chain = chain(Map.of(),
                policy("first", (p, c) -> PolicyOutcome.decide(new Verdict(Queue.AUTO_DECLINE, "a", ""))),
                policy("second", (p, c) -> PolicyOutcome.decide(new Verdict(Queue.FORWARD, "b", ""))));
        assertThat(evaluate(chain).verdict()).hasValueSatisfying(v -> {
            assertThat(v.policy()).isEqualTo("first");
            assertThat(v.verdict().queue()).isEqualTo(Queue.AUTO_DECLINE);
        });
    }

    @Test
    void badChainsFailStartUpWithTheNameAtFault() {
        PolicyCatalog catalog = PolicyCatalog.discover(Optional.empty());
        assertThatThrownBy(() -> build(catalog, new PolicyChainConfig.Entry("spam_filter", null, null, Map.of())))
                .hasMessageContaining("unknown policy 'spam_filter'");
        assertThatThrownBy(() -> build(catalog, new PolicyChainConfig.Entry("bulk", null, null, Map.of()),
                new PolicyChainConfig.Entry("bulk", null, null, Map.of())))
                .hasMessageContaining("'bulk' is listed twice");
        assertThatThrownBy(() -> build(catalog, new PolicyChainConfig.Entry("fit", null, null, Map.of("closeFit", "high"))))
                .hasMessageContaining("policy fit: setting 'closeFit' must be a number");
        assertThatThrownBy(() -> build(catalog, new PolicyChainConfig.Entry("fit", null, null, Map.of("closefit", 0.2))))
                .hasMessageContaining("policy fit: unknown setting(s) [closefit]");
    }

    @Test
    void onePolicyCanRunTwiceUnderTwoNames() {
        PolicyCatalog catalog = PolicyCatalog.discover(Optional.empty());
        PolicyChain chain = build(catalog, new PolicyChainConfig.Entry("fit", null, null, Map.of()),
                new PolicyChainConfig.Entry("strict_fit", "fit", Duration.milliseconds(80), Map.of("closeFit", 0.5)));
        assertThat(chain.policies()).extracting(NamedPolicy::name).containsExactly("fit", "strict_fit");
        assertThat(chain.policies().get(1).type().name()).isEqualTo("fit");
        assertThat(chain.policies().get(1).timeout()).isEqualTo(java.time.Duration.ofMillis(80));
    }

    @Test
    void builtInsRunInTheCallingThreadAndStillFailAsAReasonWhilePluginsAndRulesRunOnTheirPools() {
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        Policy recordThread = (p, c) -> {
            threads.add(Thread.currentThread().getName());
            return PolicyOutcome.of(new Signal("seen", 1.0, "ran"));
        };
        PolicyChain chain = chain(Map.of(),
                new NamedPolicy("fit", builtIn("fit"), recordThread, java.time.Duration.ofSeconds(5)),
                new NamedPolicy("broken", builtIn("broken"), (p, c) -> {
                    throw new IllegalStateException("boom");
                }, java.time.Duration.ofSeconds(5)),
                new NamedPolicy("rules", builtIn("rules"), recordThread, java.time.Duration.ofSeconds(5)),
                policy("plugin", recordThread));

        ChainOutcome outcome = evaluate(chain);

        assertThat(threads).hasSize(3);
        assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
        assertThat(threads.get(1)).startsWith("policy-rules-");
        assertThat(threads.get(2)).startsWith("policy-plugin-");
        assertThat(outcome.signals()).extracting(Reason::policy, Reason::signal).containsExactly(
                tuple("fit", "seen"), tuple("broken", "policy_error"), tuple("rules", "seen"), tuple("plugin", "seen"));
        assertThat(outcome.signals().get(1).detail()).contains("boom");
    }

    @Test
    void theRulesPolicyRunsInTheCallingThreadUnlessARuleRunsARegularExpression() {
        PolicyCatalog catalog = PolicyCatalog.discover(Optional.empty());
        Map<String, Object> words = Map.of("rules", List.of(Map.of("name", "en", "when",
                List.of(Map.of("field", "language", "op", "equals", "value", "en"),
                        Map.of("field", "words", "op", "contains_any", "value", List.of("desk", "office"))),
                "signal", Map.of("name", "english", "weight", 1))));
        Map<String, Object> pattern = Map.of("rules", List.of(
                Map.of("name", "en", "when", List.of(Map.of("field", "language", "op", "equals", "value", "en")),
                        "signal", Map.of("name", "english", "weight", 1)),
                Map.of("name", "subject", "when", List.of(Map.of("field", "subject", "op", "matches", "value", "^re:")),
                        "signal", Map.of("name", "reply", "weight", 1))));
        PolicyChain chain = build(catalog, new PolicyChainConfig.Entry("rules", null, null, Map.of()),
                new PolicyChainConfig.Entry("word_rules", "rules", null, words),
                new PolicyChainConfig.Entry("pattern_rules", "rules", null, pattern));
        assertThat(chain.policies()).extracting(NamedPolicy::runsInline).containsExactly(true, true, false);
        assertThat(evaluate(chain).signals()).extracting(Reason::policy, Reason::signal)
                .contains(tuple("pattern_rules", "english"));
    }

    private PolicyChain build(PolicyCatalog catalog, PolicyChainConfig.Entry... entries) {
        PolicyChain chain = PolicyChain.build(List.of(entries), catalog, java.time.Duration.ofSeconds(1), Map.of());
        chains.add(chain);
        return chain;
    }

    private PolicyChain chain(Map<String, Double> weights, NamedPolicy... policies) {
        PolicyChain chain = new PolicyChain(List.of(policies), weights);
        chains.add(chain);
        return chain;
    }

    private ChainOutcome evaluate(PolicyChain chain) {
        return chain.evaluate(pitch, Pitches.context(Pitches.space(List.of(), List.of())));
    }

    private static NamedPolicy policy(String name, Policy policy) {
        return new NamedPolicy(name, type(name), policy, java.time.Duration.ofSeconds(5));
    }

    private static PolicyType builtIn(String name) {
        return new PolicyType(name, "test", "", PolicyType.BUILT_IN, () -> null);
    }

    private static PolicyType type(String name) {
        return new PolicyType(name, "test", "", "test", () -> null);
    }
}
