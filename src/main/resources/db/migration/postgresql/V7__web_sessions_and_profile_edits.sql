-- The same schema as sqlite/V7__web_sessions_and_profile_edits.sql, in PostgreSQL types.
-- The review pages (com.pitchgate.web): sign-in sessions, and the profile edits made there.
-- V6 is taken by another change; this one does not depend on it.

-- A signed-in browser. Only the SHA-256 of the cookie's value is kept: a copy of the store gives
-- no usable session.
CREATE TABLE web_sessions (
    token_hash TEXT    PRIMARY KEY,
    space_id   TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    csrf       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);

-- What a manager changed of a profile from config.yml; laid over it when the server starts and
-- whenever it changes. subject is '' for the space itself, otherwise a member's id; value is a
-- JSON list of phrases.
CREATE TABLE profile_edits (
    space_id  TEXT    NOT NULL,
    subject   TEXT    NOT NULL,
    field     TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    edited_by TEXT    NOT NULL,
    edited_at BIGINT  NOT NULL,
    PRIMARY KEY (space_id, subject, field)
);
