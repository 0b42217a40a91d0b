package com.pitchgate.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The spaces' trained models. */
@RegisterConstructorMapper(ModelRow.class)
public interface ModelDao {

    @SqlQuery("INSERT INTO models (space_id, trained_at, example_count, forward_count, intro_count, decline_count,"
            + " override_count, held_out_accuracy, baseline_accuracy, folds, algorithm, features_version,"
            + " last_override_id, model) VALUES (:spaceId, :trainedAt, :exampleCount, :forwardCount, :introCount,"
            + " :declineCount, :overrideCount, :heldOutAccuracy, :baselineAccuracy, :folds, :algorithm,"
            + " :featuresVersion, :lastOverrideId, :model) RETURNING id")
    long insert(@BindMethods ModelRow model);

    /** The model in use for each space that has one: its newest. */
    @SqlQuery("SELECT * FROM models WHERE id IN (SELECT max(id) FROM models GROUP BY space_id)")
    List<ModelRow> newestPerSpace();

    @SqlQuery("SELECT * FROM models WHERE space_id = :spaceId ORDER BY id DESC LIMIT 1")
    Optional<ModelRow> newest(@Bind("spaceId") String spaceId);

    @SqlQuery("SELECT trained_at FROM models WHERE space_id = :spaceId ORDER BY id DESC LIMIT 1")
    Optional<Long> newestTrainedAt(@Bind("spaceId") String spaceId);

    /** Keeps the {@code keep} newest models of a space. */
    @SqlUpdate("DELETE FROM models WHERE space_id = :spaceId AND id NOT IN"
            + " (SELECT id FROM models WHERE space_id = :spaceId ORDER BY id DESC LIMIT :keep)")
    int prune(@Bind("spaceId") String spaceId, @Bind("keep") int keep);
}
