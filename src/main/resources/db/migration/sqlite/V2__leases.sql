-- Named leases for jobs that must run on one instance at a time (polling one IMAP account, say):
-- the owner holds the job until expires_at (epoch milliseconds), and renews before then.
CREATE TABLE leases (
    name       TEXT    PRIMARY KEY,
    owner      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
