-- Each space's trained document categoriser (the learned policy), with the figures it was judged by.
-- The newest row of a space is the model in use; a few older ones are kept for comparison.

CREATE TABLE models (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id          TEXT    NOT NULL,
    trained_at        INTEGER NOT NULL,
    example_count     INTEGER NOT NULL,
    forward_count     INTEGER NOT NULL,
    intro_count       INTEGER NOT NULL,
    decline_count     INTEGER NOT NULL,
    override_count    INTEGER NOT NULL,
    held_out_accuracy REAL    NOT NULL,
    baseline_accuracy REAL    NOT NULL,
    folds             INTEGER NOT NULL,
    algorithm         TEXT    NOT NULL,
    features_version  INTEGER NOT NULL,
    last_override_id  INTEGER NOT NULL,  -- overrides after this one count towards retraining
    model             BLOB    NOT NULL   -- the OpenNLP DoccatModel, serialised
);
CREATE INDEX models_by_space ON models (space_id, id);
