package com.pitchgate.learn;

import java.util.List;

/**
 * A space's training examples as read from the store in one go, with the newest override they
 * include (later overrides count towards the next retraining).
 */
public record TrainingMaterial(List<Example> examples, long lastOverrideId) {
    public TrainingMaterial {
        examples = List.copyOf(examples);
    }
}
