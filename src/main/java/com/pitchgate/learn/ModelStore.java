package com.pitchgate.learn;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pitchgate.route.Router;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.ExampleRow;
import com.pitchgate.store.JsonColumns;
import com.pitchgate.store.ModelRow;
import com.pitchgate.store.StoredModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Training material read from the store, and trained models written to it and read back. */
public final class ModelStore {

    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final TypeReference<Set<String>> STRINGS = new TypeReference<>() { };

    private final StoredModels stored;

    public ModelStore(StoredModels stored) {
        this.stored = stored;
    }

    /**
     * The space's decided pitches that teach something about their text: every pitch a person put in
     * its queue, and every pitch the router placed on its score and nobody moved. A pitch placed by a
     * verdict about its sender (a known contact, a standing "no", an intro) and left there says
     * nothing about its words, and an empty pitch nothing at all.
     */
    public TrainingMaterial material(String spaceId) {
        // The newest override is read first: one made meanwhile may be in the examples and still
        // count towards the next retraining, which is harmless.
        StoredModels.Decided decided = stored.decided(spaceId);
        List<Example> examples = new ArrayList<>();
        for (ExampleRow row : decided.examples()) {
            boolean teaches = row.overridden() || Router.POLICY.equals(row.decidedBy());
            PitchText text = new PitchText(row.channel(), row.subject(), row.body(), row.attachmentText(),
                    row.language(), JsonColumns.read(row.marks(), STRINGS),
                    JsonColumns.read(row.fit(), Pitch.Fit.class).matches());
            boolean empty = (text.subject() + text.body() + text.attachmentText()).isBlank();
            Optional<Queue> queue = Queue.fromId(row.queue());
            if (teaches && !empty && queue.isPresent()) {
                examples.add(new Example(row.pitchId(), text, queue.get(), row.overridden()));
            }
        }
        return new TrainingMaterial(examples, decided.lastOverrideId());
    }

    public long overridesSince(String spaceId, long afterOverrideId) {
        return stored.overridesSince(spaceId, afterOverrideId);
    }

    /** Stores a model as its space's newest, keeping {@code keep} models of the space. */
    public void save(LearnedModel model, int keep) {
        ModelFacts facts = model.facts();
        ExampleCounts counts = facts.examples();
        ModelRow row = new ModelRow(0, facts.spaceId(), facts.trainedAt().toEpochMilli(), counts.total(),
                counts.in(Queue.FORWARD), counts.in(Queue.REQUIRES_INTRO), counts.in(Queue.AUTO_DECLINE),
                counts.overridden(), facts.heldOutAccuracy(), facts.baselineAccuracy(), facts.folds(),
                facts.algorithm().id(), facts.featuresVersion(), facts.lastOverrideId(), model.serialized());
        stored.save(row, keep);
    }

    /** The newest model of each space; one that cannot be read is left out, and said so in the log. */
    public List<LearnedModel> newest() {
        List<LearnedModel> models = new ArrayList<>();
        for (ModelRow row : stored.newestPerSpace()) {
            try {
                models.add(model(row));
            } catch (RuntimeException e) {
                LOG.warn("model {} of space {} cannot be read and is not used; train the space again", row.id(),
                        row.spaceId(), e);
            }
        }
        return models;
    }

    public Optional<LearnedModel> newest(String spaceId) {
        return stored.newest(spaceId).map(ModelStore::model);
    }

    /** When the space's newest model was trained, without reading the model itself. */
    public Optional<Instant> newestTrainedAt(String spaceId) {
        return stored.newestTrainedAt(spaceId).map(Instant::ofEpochMilli);
    }

    private static LearnedModel model(ModelRow row) {
        ExampleCounts counts = new ExampleCounts(row.exampleCount(), Map.of(Queue.FORWARD, row.forwardCount(),
                Queue.REQUIRES_INTRO, row.introCount(), Queue.AUTO_DECLINE, row.declineCount()), row.overrideCount());
        ModelFacts facts = new ModelFacts(row.spaceId(), Instant.ofEpochMilli(row.trainedAt()), counts,
                row.heldOutAccuracy(), row.baselineAccuracy(), row.folds(), LearningConfig.Algorithm.fromId(row.algorithm()),
                row.lastOverrideId(), row.featuresVersion());
        return LearnedModel.deserialize(facts, row.model());
    }
}
