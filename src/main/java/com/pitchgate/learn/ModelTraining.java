package com.pitchgate.learn;

import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a space from what the store holds, keeps the model in the store, and puts it in use; and
 * at start, puts the stored models back in use. The one way models come to be, for the server's
 * background retraining, its admin task, and the {@code train} command.
 */
public final class ModelTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);

    private final ModelStore store;
    private final ModelTrainer trainer;
    private final SpaceModels models;
    private final LearningConfig config;
    private final Clock clock;

    public ModelTraining(ModelStore store, ModelTrainer trainer, SpaceModels models, LearningConfig config, Clock clock) {
        this.store = store;
        this.trainer = trainer;
        this.models = models;
        this.config = config;
        this.clock = clock;
    }

    public TrainingOutcome train(Space space) {
        TrainingMaterial material = store.material(space.id());
        TrainingOutcome outcome = trainer.train(space.id(), space.profile().languages(), material.examples(),
                material.lastOverrideId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        outcome.model().ifPresent(model -> {
            store.save(model, config.keepModels);
            models.install(model);
        });
        return outcome;
    }

    /** Puts the newest stored model of each configured space in use; returns how many. */
    public int loadStored(SpaceDirectory spaces) {
        int loaded = 0;
        for (LearnedModel model : store.newest()) {
            if (spaces.find(model.facts().spaceId()).isPresent() && usable(model)) {
                models.install(model);
                loaded++;
            }
        }
        return loaded;
    }

    /** Puts the space's newest stored model in use if it is newer than the one in use (trained by a command). */
    public boolean loadIfNewer(Space space) {
        Optional<LearnedModel> current = models.current(space.id());
        boolean newer = store.newestTrainedAt(space.id())
                .filter(stored -> current.isEmpty() || stored.isAfter(current.get().facts().trainedAt())).isPresent();
        if (!newer) {
            return false;
        }
        Optional<LearnedModel> stored = store.newest(space.id()).filter(this::usable);
        stored.ifPresent(models::install);
        return stored.isPresent();
    }

    /** A model trained with other features, or on fewer examples than now required, is left unused. */
    private boolean usable(LearnedModel model) {
        ModelFacts facts = model.facts();
        if (facts.featuresVersion() != PitchFeatures.VERSION) {
            LOG.warn("the stored model of space {} was trained with other features (version {}, now {}): train it again",
                    facts.spaceId(), facts.featuresVersion(), PitchFeatures.VERSION);
            return false;
        }
        Optional<String> missing = trainer.missing(facts.examples());
        missing.ifPresent(why -> LOG.warn("the stored model of space {} is not used: {}", facts.spaceId(), why));
        return missing.isEmpty();
    }
}
