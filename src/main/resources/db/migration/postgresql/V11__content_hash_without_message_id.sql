-- The same change as sqlite/V11__content_hash_without_message_id.sql: the content hash tells apart
-- only pitches without a Message-ID, so only they are in its index.
DROP INDEX pitches_by_hash;
CREATE UNIQUE INDEX pitches_by_hash ON pitches (space_id, content_hash) WHERE message_id IS NULL;
