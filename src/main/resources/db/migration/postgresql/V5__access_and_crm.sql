-- The same schema as sqlite/V5__access_and_crm.sql, in PostgreSQL types.
-- API keys, organisations, every address of a contact, and who knows whom.

CREATE TABLE api_keys (
    id         BIGSERIAL PRIMARY KEY,
    space_id   TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    member_id  TEXT,
    key_hash   TEXT    NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX api_keys_by_space ON api_keys (space_id);

CREATE TABLE organisations (
    id         BIGSERIAL PRIMARY KEY,
    space_id   TEXT    NOT NULL,
    domain     TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (space_id, domain)
);

-- A contact may write from several addresses; contacts.email stays its first one.
CREATE TABLE contact_addresses (
    space_id   TEXT    NOT NULL,
    email      TEXT    NOT NULL,
    contact_id BIGINT NOT NULL REFERENCES contacts (id),
    PRIMARY KEY (space_id, email)
);
INSERT INTO contact_addresses (space_id, email, contact_id) SELECT space_id, email, id FROM contacts;
CREATE INDEX contact_addresses_by_contact ON contact_addresses (contact_id);

-- "Marie knows Tom at Acme": an introducer (a member or a known contact) vouches for a person
-- (by address) or for a whole organisation (by domain).
CREATE TABLE intros (
    id               BIGSERIAL PRIMARY KEY,
    space_id         TEXT    NOT NULL,
    introducer_kind  TEXT    NOT NULL,
    introducer_ref   TEXT    NOT NULL,
    introducer_name  TEXT    NOT NULL,
    person_name      TEXT,
    person_email     TEXT,
    organisation     TEXT,
    note             TEXT,
    source           TEXT    NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX intros_by_email ON intros (space_id, person_email);
CREATE INDEX intros_by_organisation ON intros (space_id, organisation);

CREATE INDEX declines_by_space ON declines (space_id, expires_at);
CREATE INDEX pitch_content_by_organisation ON pitch_content (organisation);
