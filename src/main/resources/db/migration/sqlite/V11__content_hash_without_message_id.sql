-- A pitch is told apart from those stored before it by its Message-ID, and only when it has none by
-- the hash of its bytes: the same bytes hold the same Message-ID, so for mail with one the hash
-- finds nothing the Message-ID has not found. Every new pitch nevertheless added an entry to this
-- index at a random place, a page of its own to write at each commit and again at each checkpoint;
-- now only pitches without a Message-ID (web forms, the odd mail) have one.
DROP INDEX pitches_by_hash;
CREATE UNIQUE INDEX pitches_by_hash ON pitches (space_id, content_hash) WHERE message_id IS NULL;
