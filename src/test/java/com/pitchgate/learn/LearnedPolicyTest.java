package com.pitchgate.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.screen.ScreeningStages;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.support.Pitches;
import io.dropwizard.jackson.Jackson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The learned policy on its own: when it speaks, what it weighs, and how models are swapped under it. */
class LearnedPolicyTest {

    private static final SpaceProfile SPACE = Pitches.space(List.of(), List.of());
    private static final String OFFICES = "We are looking for a private office for our team, what is the monthly price of a desk?";
    private static final String BACKLINKS = "We sell backlinks and SEO ranking packages to boost your Google traffic fast.";

    private final SpaceModels models = new SpaceModels();

    @Test
    void saysNothingUntilTheSpaceHasAModel() throws Exception {
        LearnedPolicy policy = policy(Map.of());

        assertThat(policy.evaluate(Pitches.pitch("seo@links.example", BACKLINKS), withEvidence()))
                .isEqualTo(PolicyOutcome.nothing());
    }

    @Test
    void weighsScaleTimesForwardMinusDeclineAndShowsTheArithmetic() throws Exception {
        LearnedModel model = train(Queue.FORWARD, Queue.AUTO_DECLINE);
        models.install(model);
        LearnedPolicy policy = policy(Map.of("scale", 3.0));
        Pitch pitch = Pitches.pitch("seo@links.example", "Cheap SEO backlinks and ranking packages for your Google traffic.");

        Signal signal = policy.evaluate(pitch, withEvidence()).signals().get(0);

        Map<Queue, Double> p = model.probabilities(new PitchFeatures().of(PitchText.of(pitch), SPACE.languages()));
        assertThat(p.get(Queue.AUTO_DECLINE)).isGreaterThan(0.5);
        assertThat(signal.name()).isEqualTo("learned_queue");
        assertThat(signal.weight()).isNegative()
                .isEqualTo(Math.round(3.0 * (p.get(Queue.FORWARD) - p.get(Queue.AUTO_DECLINE)) * 100) / 100.0);
        assertThat(signal.detail()).contains(String.format(java.util.Locale.ROOT, "P(auto_decline) %.2f", p.get(Queue.AUTO_DECLINE)))
                .contains("weight 3.0 × (").contains("model of 24 decisions (0 overridden)").contains("held-out accuracy");
    }

    @Test
    void weighsNothingWhenNoOtherPolicyFoundAnything() throws Exception {
        models.install(train(Queue.FORWARD, Queue.AUTO_DECLINE));
        LearnedPolicy policy = policy(Map.of());

        Signal signal = policy.evaluate(Pitches.pitch("seo@links.example", BACKLINKS), Pitches.context(SPACE)).signals().get(0);

        assertThat(signal.weight()).isZero();
        assertThat(signal.detail()).contains("P(auto_decline)").endsWith("counts for nothing: no other policy found anything");
    }

    @Test
    void aRetrainedModelReplacesTheOldOneWhilePitchesAreScreened() throws Exception {
        LearnedModel likesBacklinks = train(Queue.AUTO_DECLINE, Queue.FORWARD);
        LearnedModel hatesBacklinks = train(Queue.FORWARD, Queue.AUTO_DECLINE);
        LearnedPolicy policy = policy(Map.of());
        Pitch pitch = Pitches.pitch("seo@links.example", BACKLINKS);
        models.install(likesBacklinks);
        double forwardWeight = policy.evaluate(pitch, withEvidence()).signals().get(0).weight();
        models.install(hatesBacklinks);
        double declineWeight = policy.evaluate(pitch, withEvidence()).signals().get(0).weight();
        assertThat(forwardWeight).isPositive();
        assertThat(declineWeight).isNegative();

        ExecutorService screeners = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Double>>> seen = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                seen.add(screeners.submit(() -> {
                    List<Double> weights = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        weights.add(policy.evaluate(pitch, withEvidence()).signals().get(0).weight());
                    }
                    return weights;
                }));
            }
            for (int swap = 0; swap < 300; swap++) {
                models.install(swap % 2 == 0 ? likesBacklinks : hatesBacklinks);
            }
            for (Future<List<Double>> weights : seen) {
                assertThat(weights.get()).hasSize(300).allMatch(w -> w == forwardWeight || w == declineWeight);
            }
        } finally {
            screeners.shutdownNow();
        }
    }

    @Test
    void badSettingsStopStartUpWithAClearMessage() {
        assertThatThrownBy(() -> policy(Map.of("scale", 0))).isInstanceOf(PolicyException.class)
                .hasMessage("policy learned: setting 'scale' must be above 0 and at most 50, got 0.0");
        assertThatThrownBy(() -> new LearnedPolicy().init(new PolicyConfig("learned", Map.of())))
                .isInstanceOf(PolicyException.class).hasMessageContaining("runs only inside the server");
        PitchgateConfiguration config = new PitchgateConfiguration();
        config.getRouting().getWeights().put("learned_queue", 2.0);
        assertThatThrownBy(() -> ScreeningStages.build(config, Jackson.newObjectMapper(), models))
                .hasMessageContaining("routing.weights.learned_queue").hasMessageContaining("'scale' setting");
    }

    @Test
    void noModelBelowTheMinimumOfExamplesOrOfExamplesPerQueue() {
        LearningConfig config = smallConfig();
        ModelTrainer trainer = new ModelTrainer(config, new PitchFeatures());
        List<Example> examples = examples(Queue.FORWARD, Queue.AUTO_DECLINE);

        TrainingOutcome tooFew = trainer.train("s", List.of("en"), examples.subList(0, 9), 0, Instant.now());
        assertThat(tooFew.model()).isEmpty();
        assertThat(tooFew.summary()).isEqualTo("not trained: 9 examples (forward 5, requires_intro 0, auto_decline 4),"
                + " 0 overridden; a model needs at least 10 examples");

        List<Example> oneSided = new ArrayList<>(examples.stream().filter(e -> e.queue() == Queue.FORWARD).toList());
        oneSided.addAll(examples.stream().filter(e -> e.queue() == Queue.AUTO_DECLINE).limit(2).toList());
        TrainingOutcome lopsided = trainer.train("s", List.of("en"), oneSided, 0, Instant.now());
        assertThat(lopsided.model()).isEmpty();
        assertThat(lopsided.summary()).endsWith("a model needs at least 3 examples in auto_decline and in the other queue its weight weighs");

        TrainingOutcome enough = trainer.train("s", List.of("en"), examples.subList(0, 10), 7, Instant.now());
        assertThat(enough.model()).isPresent();
        assertThat(enough.model().get().facts().lastOverrideId()).isEqualTo(7);
        assertThat(enough.summary()).contains("10 examples").contains("held-out accuracy");
    }

    /** A model of space "s" that learned: office inquiries go to {@code offices}, backlink offers to {@code backlinks}. */
    private static LearnedModel train(Queue offices, Queue backlinks) {
        return new ModelTrainer(smallConfig(), new PitchFeatures())
                .train("s", List.of("en"), examples(offices, backlinks), 0, Instant.parse("2026-11-20T09:00:00Z"))
                .model().orElseThrow();
    }

    private static List<Example> examples(Queue offices, Queue backlinks) {
        String[] officeTexts = {OFFICES, "Do you have a desk available next month? How much is a membership?",
            "I need a meeting room for a client workshop on Friday, what are your rates?",
            "Can we rent two desks in your space from January, and what does it cost?",
            "Looking for a quiet office for three people, is there availability?",
            "Could you send me the price of a day pass and of a monthly desk?"};
        String[] backlinkTexts = {BACKLINKS, "Our agency sells SEO backlinks that push your website to the top of Google.",
            "Boost your ranking with our guest post and backlink packages, cheap and fast.",
            "We offer link building and SEO campaigns to grow your organic traffic.",
            "Get 500 high authority backlinks this week and rank first on Google.",
            "SEO audit and backlink outreach for your website, limited offer."};
        List<Example> examples = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < officeTexts.length; i++) {
                examples.add(example(officeTexts[i] + (round == 0 ? "" : " Thanks."), offices));
                examples.add(example(backlinkTexts[i] + (round == 0 ? "" : " Best regards."), backlinks));
            }
        }
        return examples;
    }

    private static Example example(String body, Queue queue) {
        return new Example(0, new PitchText("form", "", body, "", "en", Set.of(), Map.of()), queue, false);
    }

    private static LearningConfig smallConfig() {
        LearningConfig config = new LearningConfig();
        config.minExamples = 10;
        config.minPerQueue = 3;
        config.folds = 2;
        return config;
    }

    private LearnedPolicy policy(Map<String, Object> settings) throws PolicyException {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(LearnedPolicy.MODELS, models);
        LearnedPolicy policy = new LearnedPolicy();
        policy.init(new PolicyConfig("learned", all));
        return policy;
    }

    /** The context of a pitch about which an earlier policy found something. */
    private static ScreeningContext withEvidence() {
        return Pitches.withSignals(Pitches.context(SPACE),
                List.of(new RaisedSignal("inquiry", new Signal("vendor_offer", -1.0, "offers something"))));
    }
}
