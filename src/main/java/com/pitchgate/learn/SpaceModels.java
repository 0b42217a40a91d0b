package com.pitchgate.learn;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The model in use for each space. A retrained model replaces the old one whole, in one step:
 * a pitch being screened sees the old model or the new one, never a mix, and never waits.
 */
public final class SpaceModels {

    private final ConcurrentMap<String, LearnedModel> bySpace = new ConcurrentHashMap<>();

    public Optional<LearnedModel> current(String spaceId) {
        return Optional.ofNullable(bySpace.get(spaceId));
    }

    public void install(LearnedModel model) {
        bySpace.put(model.facts().spaceId(), model);
    }
}
