package com.pitchgate.learn;

import java.time.Instant;
import java.util.Locale;

/**
 * What is known about a trained model besides its parameters: when and from what it was trained,
 * and how well it did on examples it had not seen.
 *
 * @param heldOutAccuracy  share of examples whose queue the model alone predicted when trained on the
 *                         other folds (cross-validation)
 * @param baselineAccuracy share of the most common queue: what always answering it would score
 * @param lastOverrideId   the newest override the training saw; later ones count towards retraining
 * @param featuresVersion  the version of {@link PitchFeatures} it was trained with
 */
public record ModelFacts(String spaceId, Instant trainedAt, ExampleCounts examples, double heldOutAccuracy,
        double baselineAccuracy, int folds, LearningConfig.Algorithm algorithm, long lastOverrideId,
        int featuresVersion) {

    /** "held-out accuracy 0.81 over 5 folds (most common queue alone: 0.47)" */
    public String accuracySummary() {
        return String.format(Locale.ROOT, "held-out accuracy %.2f over %d folds (most common queue alone: %.2f)",
                heldOutAccuracy, folds, baselineAccuracy);
    }
}
