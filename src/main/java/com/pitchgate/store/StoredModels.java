package com.pitchgate.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The learned policy's training material and its trained models, in the store. */
public final class StoredModels {

    /**
     * A space's decided pitches, and the newest override when they were read.
     *
     * @param lastOverrideId read first: an override made meanwhile may be in the examples too
     */
    public record Decided(List<ExampleRow> examples, long lastOverrideId) {
    }

    private final Jdbi jdbi;

    public StoredModels(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Decided decided(String spaceId) {
        // No transaction: the store's transactions take the write lock, and intake must not wait on
        // this read.
        return jdbi.withHandle(handle -> {
            ExampleDao dao = handle.attach(ExampleDao.class);
            long lastOverrideId = dao.lastOverrideId(spaceId);
            return new Decided(dao.decided(spaceId), lastOverrideId);
        });
    }

    public long overridesSince(String spaceId, long afterOverrideId) {
        return jdbi.withExtension(ExampleDao.class, dao -> dao.overridesSince(spaceId, afterOverrideId));
    }

    /** Stores a model as its space's newest, keeping {@code keep} models of the space. */
    public void save(ModelRow model, int keep) {
        jdbi.useTransaction(handle -> {
            ModelDao dao = handle.attach(ModelDao.class);
            dao.insert(model);
            dao.prune(model.spaceId(), keep);
        });
    }

    public List<ModelRow> newestPerSpace() {
        return jdbi.withExtension(ModelDao.class, ModelDao::newestPerSpace);
    }

    public Optional<ModelRow> newest(String spaceId) {
        return jdbi.withExtension(ModelDao.class, dao -> dao.newest(spaceId));
    }

    public Optional<Long> newestTrainedAt(String spaceId) {
        return jdbi.withExtension(ModelDao.class, dao -> dao.newestTrainedAt(spaceId));
    }
}
