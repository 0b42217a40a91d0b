package com.pitchgate.api;

import com.pitchgate.learn.ModelFacts;
import com.pitchgate.spi.Queue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** When and from what a model was trained, and how well it did. */
public record ModelView(Instant trainedAt, int examples, Map<String, Integer> perQueue, int overridden,
        double heldOutAccuracy, double baselineAccuracy, int folds, String algorithm) {
    public static ModelView of(ModelFacts facts) {
        Map<String, Integer> perQueue = new LinkedHashMap<>();
        for (Queue queue : Queue.values()) {
            perQueue.put(queue.id(), facts.examples().in(queue));
        }
        return new ModelView(facts.trainedAt(), facts.examples().total(), perQueue, facts.examples().overridden(),
                facts.heldOutAccuracy(), facts.baselineAccuracy(), facts.folds(), facts.algorithm().id());
    }
}
