-- The raw message moves to a table of its own, written once and never changed. Kept in the pitches
-- row, it was written again whole (every overflow page of a 2 MB message) each time the pitch's state
-- changed, as SQLite rewrites a record whose size changes: half of what the store wrote for a large
-- message (README, Benchmarks).
CREATE TABLE pitch_raw (
    pitch_id INTEGER PRIMARY KEY REFERENCES pitches (id),
    raw      BLOB    NOT NULL
);
INSERT INTO pitch_raw (pitch_id, raw) SELECT id, raw FROM pitches;
ALTER TABLE pitches DROP COLUMN raw;
