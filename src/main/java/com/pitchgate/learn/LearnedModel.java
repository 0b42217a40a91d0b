package com.pitchgate.learn;

import com.pitchgate.spi.Queue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * A space's trained document categoriser and what is known about it. Immutable, so that it can be
 * read by many threads while a retrained one replaces it.
 */
public record LearnedModel(ModelFacts facts, DoccatModel model) {

    /**
     * The probability of each queue for a pitch with these features; a queue the model never saw in
     * training gets 0.
     */
    public Map<Queue, Double> probabilities(String[] features) {
        return probabilities(model, features);
    }

    static Map<Queue, Double> probabilities(DoccatModel model, String[] features) {
        // The model is thread-safe; the categoriser around it is not documented to be, and is cheap.
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] scores = categorizer.categorize(features);
        Map<Queue, Double> byQueue = new EnumMap<>(Queue.class);
        for (Queue queue : Queue.values()) {
            byQueue.put(queue, 0.0);
        }
        for (int i = 0; i < scores.length; i++) {
            String category = categorizer.getCategory(i);
            Queue queue = Queue.fromId(category).orElseThrow(() -> new IllegalStateException(
                    "the model knows a queue '" + category + "' that does not exist"));
            byQueue.put(queue, scores[i]);
        }
        return byQueue;
    }

    /** The model's parameters in OpenNLP's own format, for the store. */
    public byte[] serialized() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LearnedModel deserialize(ModelFacts facts, byte[] bytes) {
        try {
            return new LearnedModel(facts, new DoccatModel(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("the stored model of space " + facts.spaceId() + " cannot be read", e);
        }
    }
}
