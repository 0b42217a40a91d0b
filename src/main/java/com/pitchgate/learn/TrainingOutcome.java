package com.pitchgate.learn;

import java.util.Optional;

/**
 * What training one space gave: a model, or the reason there is none (too few examples).
 *
 * @param lastOverrideId the newest override the examples include
 * @param summary        one line for a person: the counts and the held-out accuracy, or what is missing
 */
public record TrainingOutcome(String spaceId, ExampleCounts examples, long lastOverrideId, Optional<LearnedModel> model,
        String summary) {
}
