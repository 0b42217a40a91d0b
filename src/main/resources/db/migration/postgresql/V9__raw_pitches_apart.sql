-- The same change as sqlite/V9__raw_pitches_apart.sql, so that both stores share their queries.
-- (PostgreSQL keeps large values out of line already; there the change costs nothing either way.)
CREATE TABLE pitch_raw (
    pitch_id BIGINT PRIMARY KEY REFERENCES pitches (id),
    raw      BYTEA  NOT NULL
);
INSERT INTO pitch_raw (pitch_id, raw) SELECT id, raw FROM pitches;
ALTER TABLE pitches DROP COLUMN raw;
