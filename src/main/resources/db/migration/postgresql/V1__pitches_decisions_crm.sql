-- The same schema as sqlite/V1__pitches_decisions_crm.sql, in PostgreSQL types.
-- Times are epoch milliseconds (UTC); lists and maps are JSON text, as on SQLite, so that the DAOs
-- read and write both stores alike.

CREATE TABLE pitches (
    id           BIGSERIAL PRIMARY KEY,
    space_id     TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    raw          BYTEA   NOT NULL,
    content_hash TEXT    NOT NULL,
    message_id   TEXT,
    received_at  BIGINT  NOT NULL,
    state        TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    lease_until  BIGINT,
    last_error   TEXT
);
CREATE UNIQUE INDEX pitches_by_hash ON pitches (space_id, content_hash);
CREATE UNIQUE INDEX pitches_by_message_id ON pitches (space_id, message_id);
CREATE INDEX pitches_undecided ON pitches (state, id) WHERE state <> 'decided';

CREATE TABLE pitch_content (
    pitch_id       BIGINT PRIMARY KEY REFERENCES pitches (id),
    sender_email   TEXT NOT NULL,
    sender_name    TEXT NOT NULL,
    sender_domain  TEXT NOT NULL,
    organisation   TEXT,
    reply_to       TEXT,
    subject        TEXT NOT NULL,
    body           TEXT NOT NULL,
    language       TEXT NOT NULL,
    headers        TEXT NOT NULL,
    marks          TEXT NOT NULL,
    intermediaries TEXT NOT NULL,
    problems       TEXT NOT NULL
);
CREATE INDEX pitch_content_by_sender ON pitch_content (sender_email);

CREATE TABLE attachments (
    pitch_id   BIGINT  NOT NULL REFERENCES pitches (id),
    ordinal    INTEGER NOT NULL,
    filename   TEXT    NOT NULL,
    media_type TEXT    NOT NULL,
    size       BIGINT  NOT NULL,
    text       TEXT    NOT NULL,
    problem    TEXT,
    PRIMARY KEY (pitch_id, ordinal)
);

CREATE TABLE decisions (
    pitch_id   BIGINT           PRIMARY KEY REFERENCES pitches (id),
    space_id   TEXT             NOT NULL,
    queue      TEXT             NOT NULL,
    targets    TEXT             NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    fit        TEXT             NOT NULL,
    decided_at BIGINT           NOT NULL
);
CREATE INDEX decisions_by_queue ON decisions (space_id, queue, pitch_id);

-- decisive and contacts.known are BOOLEAN here and INTEGER 0/1 on SQLite: the DAOs bind Java
-- booleans, which each driver writes in its own column type, and compare with TRUE, which both read.
CREATE TABLE reasons (
    pitch_id BIGINT           NOT NULL REFERENCES pitches (id),
    ordinal  INTEGER          NOT NULL,
    policy   TEXT             NOT NULL,
    signal   TEXT             NOT NULL,
    weight   DOUBLE PRECISION NOT NULL,
    detail   TEXT             NOT NULL,
    decisive BOOLEAN          NOT NULL,
    PRIMARY KEY (pitch_id, ordinal)
);

CREATE TABLE contacts (
    id           BIGSERIAL PRIMARY KEY,
    space_id     TEXT    NOT NULL,
    email        TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    organisation TEXT,
    known        BOOLEAN NOT NULL DEFAULT FALSE,
    first_seen   BIGINT  NOT NULL,
    last_seen    BIGINT  NOT NULL,
    UNIQUE (space_id, email)
);

CREATE TABLE declines (
    id          BIGSERIAL PRIMARY KEY,
    space_id    TEXT   NOT NULL,
    scope       TEXT   NOT NULL,
    value       TEXT   NOT NULL,
    pitch_id    BIGINT REFERENCES pitches (id),
    declined_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    lifted_at   BIGINT
);
CREATE INDEX declines_by_value ON declines (space_id, scope, value, expires_at);
