package com.pitchgate.learn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How each space's document categoriser is trained from its past decisions and its managers'
 * overrides (the {@code learned} policy turns the model into one weighted signal).
 */
public class LearningConfig {

    /** A space gets a model once it has this many usable decisions; below it, no learned signal. */
    @Min(10)
    public int minExamples = 30;

    /** ... and at least this many in {@code forward} and in {@code auto_decline}, the queues the weight weighs. */
    @Min(1)
    public int minPerQueue = 5;

    /** A space's model is retrained in the background once this many overrides were made since it was trained. */
    @Min(1)
    public int retrainAfterOverrides = 10;

    /** How often the background retrainer looks for new overrides, and for models trained by the train command. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    public Duration checkInterval = Duration.minutes(1);

    /**
     * An overridden decision is a person's answer, the best label there is: it counts this many times
     * in training.
     */
    @Min(1)
    @Max(20)
    public int overrideCopies = 3;

    /**
     * Naive Bayes learns from few examples, which is what a space has for months; maxent tends to do
     * better once there are many.
     */
    @NotNull
    public Algorithm algorithm = Algorithm.NAIVE_BAYES;

    /** Training iterations of maxent (naive Bayes ignores it). */
    @Min(1)
    @Max(10_000)
    public int iterations = 100;

    /** A feature must occur in this many examples to count; small sets need 1. */
    @Min(1)
    public int cutoff = 1;

    /** Cross-validation folds behind the held-out accuracy reported for each model. */
    @Min(2)
    @Max(20)
    public int folds = 5;

    /** Models kept per space in the store (the newest is used; older ones are for comparison). */
    @Min(1)
    public int keepModels = 5;

    @AssertTrue(message = "minExamples must be at least folds (each fold needs examples to test on)")
    public boolean isEnoughExamplesForFolds() {
        return minExamples >= folds;
    }

    /** The OpenNLP trainers a model can be trained with. */
    public enum Algorithm {
        MAXENT("maxent", "MAXENT"),
        NAIVE_BAYES("naive_bayes", "NAIVEBAYES");

        private final String id;
        private final String openNlpName;

        Algorithm(String id, String openNlpName) {
            this.id = id;
            this.openNlpName = openNlpName;
        }

        @JsonValue
        public String id() {
            return id;
        }

        String openNlpName() {
            return openNlpName;
        }

        @JsonCreator
        public static Algorithm fromId(String id) {
            String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + id + "': use one of "
                            + Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", "))));
        }
    }
}
