-- The same schema as sqlite/V3__mail_outbox_overrides.sql, in PostgreSQL types.
-- Manager overrides of decisions, the outbound mail queue, and IMAP mailbox progress.

CREATE TABLE overrides (
    id         BIGSERIAL PRIMARY KEY,
    pitch_id   BIGINT NOT NULL REFERENCES pitches (id),
    space_id   TEXT    NOT NULL,
    from_queue TEXT    NOT NULL,
    to_queue   TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    note       TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX overrides_by_pitch ON overrides (pitch_id);

-- Each message to send is committed with the decision that asks for it, then sent with retries.
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    space_id        TEXT    NOT NULL,
    pitch_id        BIGINT NOT NULL REFERENCES pitches (id),
    kind            TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    reply_to_sender TEXT,
    raw             BYTEA    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_replies ON outbox (space_id, reply_to_sender, created_at);
CREATE INDEX outbox_by_pitch ON outbox (pitch_id);

CREATE TABLE mailbox_state (
    account      TEXT    PRIMARY KEY,
    uid_validity BIGINT NOT NULL,
    last_uid     BIGINT NOT NULL
);

-- Which pitch each filed message is, so that a message the manager moves is read as an override.
CREATE TABLE mailbox_filed (
    account     TEXT    NOT NULL,
    message_key TEXT    NOT NULL,
    pitch_id    BIGINT NOT NULL REFERENCES pitches (id),
    queue       TEXT    NOT NULL,
    filed_at    BIGINT NOT NULL,
    PRIMARY KEY (account, message_key)
);
