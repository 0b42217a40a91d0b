package com.pitchgate.learn;

import ch.qos.logback.classic.Level;
import com.pitchgate.spi.Queue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.slf4j.LoggerFactory;

/**
 * Trains a space's document categoriser on its examples with OpenNLP, and measures it by
 * cross-validation before training the final model on all of them. Below the configured minimum of
 * examples no model is trained. Pure: it reads and writes no store.
 */
public final class ModelTrainer {

    /** A model's language tag; one model reads French and English pitches alike. */
    private static final String LANGUAGES = "mul";
    /** Folds are drawn the same way each time, so that the same examples give the same figures. */
    private static final long FOLD_SEED = 20261123L;
    static final String OPENNLP_LOGGER = "opennlp";

    private final LearningConfig config;
    private final PitchFeatures features;

    public ModelTrainer(LearningConfig config, PitchFeatures features) {
        this.config = config;
        this.features = features;
        quietOpenNlp();
    }

    /**
     * OpenNLP logs each training iteration at INFO, hundreds of lines a model. Unless the logging
     * configuration says what it wants from {@code opennlp}, only its warnings are shown.
     */
    private static void quietOpenNlp() {
        if (LoggerFactory.getLogger(OPENNLP_LOGGER) instanceof ch.qos.logback.classic.Logger logger
                && logger.getLevel() == null) {
            logger.setLevel(Level.WARN);
        }
    }

    public TrainingOutcome train(String spaceId, List<String> spaceLanguages, List<Example> examples,
            long lastOverrideId, Instant now) {
        ExampleCounts counts = ExampleCounts.of(examples);
        Optional<String> missing = missing(counts);
        if (missing.isPresent()) {
            return new TrainingOutcome(spaceId, counts, lastOverrideId, Optional.empty(), "not trained: " + counts + "; " + missing.get());
        }
        List<Featured> featured = new ArrayList<>();
        for (Example example : examples) {
            featured.add(new Featured(example, features.of(example.text(), spaceLanguages)));
        }
        double heldOut = crossValidate(featured);
        double baseline = (double) Collections.max(counts.perQueue().values()) / counts.total();
        ModelFacts facts = new ModelFacts(spaceId, now, counts, heldOut, baseline, config.folds, config.algorithm,
                lastOverrideId, PitchFeatures.VERSION);
        LearnedModel model = new LearnedModel(facts, fit(featured));
        return new TrainingOutcome(spaceId, counts, lastOverrideId, Optional.of(model), counts + "; " + facts.accuracySummary());
    }

    /** What the examples lack for a model to be worth its weight, if anything. */
    Optional<String> missing(ExampleCounts counts) {
        if (counts.total() < config.minExamples) {
            return Optional.of("a model needs at least " + config.minExamples + " examples");
        }
        for (Queue queue : List.of(Queue.FORWARD, Queue.AUTO_DECLINE)) {
            if (counts.in(queue) < config.minPerQueue) {
                return Optional.of("a model needs at least " + config.minPerQueue + " examples in " + queue
                        + " and in the other queue its weight weighs");
            }
        }
        return Optional.empty();
    }

    /**
     * The share of examples the model predicts when trained without them. Folds are stratified: the
     * shuffled examples are ordered by queue and dealt out in turn, so each fold has its share of each.
     */
    private double crossValidate(List<Featured> featured) {
        List<Featured> dealt = new ArrayList<>(featured);
        Collections.shuffle(dealt, new Random(FOLD_SEED));
        dealt.sort(Comparator.comparing(f -> f.example().queue()));
        int folds = config.folds;
        int correct = 0;
        for (int fold = 0; fold < folds; fold++) {
            List<Featured> training = new ArrayList<>();
            List<Featured> testing = new ArrayList<>();
            for (int i = 0; i < dealt.size(); i++) {
                (i % folds == fold ? testing : training).add(dealt.get(i));
            }
            DoccatModel model = fit(training);
            for (Featured test : testing) {
                if (best(LearnedModel.probabilities(model, test.features())) == test.example().queue()) {
                    correct++;
                }
            }
        }
        return (double) correct / dealt.size();
    }

    private static Queue best(Map<Queue, Double> probabilities) {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private DoccatModel fit(List<Featured> featured) {
        List<DocumentSample> samples = new ArrayList<>();
        for (Featured f : featured) {
            int copies = f.example().overridden() ? config.overrideCopies : 1;
            for (int i = 0; i < copies; i++) {
                samples.add(new DocumentSample(f.example().queue().id(), f.features()));
            }
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, config.algorithm.openNlpName());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, config.iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, config.cutoff);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            return DocumentCategorizerME.train(LANGUAGES, ObjectStreamUtils.createObjectStream(samples), parameters,
                    new DoccatFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e);
        }
    }

    private record Featured(Example example, String[] features) {
    }
}
