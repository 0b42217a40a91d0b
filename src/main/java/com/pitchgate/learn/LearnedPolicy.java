package com.pitchgate.learn;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the space's past decisions and its managers' overrides say about a pitch like this one: the
 * space's document categoriser gives the probability of each queue, and one signal weighs
 * {@code scale × (P(forward) − P(auto_decline))}. A confident model weighs up to {@code scale} either
 * way; an unsure one, or one that thinks "requires intro", weighs little. It is one signal among the
 * others and never a verdict, and never the only one: when no policy before it found anything, it
 * weighs 0, so that the router's "no evidence: a person should look" still holds. Until the space
 * has a model (enough examples, see {@code learning:} in config.yml) it says nothing.
 */
@PolicyInfo(name = LearnedPolicy.NAME,
        description = "A document categoriser trained on the space's past decisions and overrides, as one weighted signal.")
public final class LearnedPolicy implements Policy {

    public static final String NAME = "learned";
    public static final String SIGNAL = "learned_queue";
    /** The setting through which the server hands over the models; it is not written in config.yml. */
    public static final String MODELS = "models";

    /**
     * Less than the distance between the thresholds (6 by default): the learned signal moves a pitch
     * by one queue at most, and never takes a pitch the rules forward, a genuine inquiry say, to
     * auto_decline.
     */
    private static final double DEFAULT_SCALE = 5.0;
    private static final double MAX_SCALE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PitchFeatures features = new PitchFeatures();
    private SpaceModels models;
    private double scale = DEFAULT_SCALE;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        scale = config.number("scale", DEFAULT_SCALE);
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            throw config.invalid("scale", "must be above 0 and at most " + (int) MAX_SCALE + ", got " + scale);
        }
        if (!config.has(MODELS) || !(config.settings().get(MODELS) instanceof SpaceModels given)) {
            throw new PolicyException("policy " + config.name() + ": the learned policy runs only inside the server,"
                    + " which hands it the trained models; it cannot be loaded from a plugin or given models in config.yml");
        }
        models = given;
    }

    /** Its one signal; its weight comes from the model's probabilities, never from routing.weights. */
    @Override
    public List<Signal> signals() {
        return List.of(new Signal(SIGNAL, 0, "scale × (P(forward) − P(auto_decline)) by the space's trained model"));
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        Optional<LearnedModel> model = models.current(context.space().id());
        if (model.isEmpty()) {
            return PolicyOutcome.nothing();
        }
        Map<Queue, Double> p = model.get().probabilities(features.of(PitchText.of(pitch), context.space().languages()));
        double weight = Math.round(scale * (p.get(Queue.FORWARD) - p.get(Queue.AUTO_DECLINE)) * 100) / 100.0;
        String detail = detail(model.get().facts(), p, weight);
        if (context.signalsSoFar().stream().allMatch(raised -> raised.signal().weight() == 0)) {
            // With nothing else to go on a person should look; a resemblance alone must not route a pitch.
            return PolicyOutcome.of(new Signal(SIGNAL, 0, detail + "; counts for nothing: no other policy found anything"));
        }
        return PolicyOutcome.of(new Signal(SIGNAL, weight, detail));
    }

    /** The probabilities, the model they come from, and the arithmetic from them to the weight. */
    private String detail(ModelFacts facts, Map<Queue, Double> p, double weight) {
        return String.format(Locale.ROOT, "like past pitches: P(forward) %.2f, P(requires_intro) %.2f, P(auto_decline) %.2f;"
                        + " weight %s × (%.2f − %.2f) = %s; model of %d decisions (%d overridden) trained %s, %s",
                p.get(Queue.FORWARD), p.get(Queue.REQUIRES_INTRO), p.get(Queue.AUTO_DECLINE), number(scale),
                p.get(Queue.FORWARD), p.get(Queue.AUTO_DECLINE), number(weight), facts.examples().total(),
                facts.examples().overridden(), DAY.format(facts.trainedAt()), facts.accuracySummary());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf(value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
