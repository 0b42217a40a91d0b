-- The review page's chart counts the pitches of the last 30 days: found by this index, not by reading
-- every decision of the space.
CREATE INDEX pitches_by_space_received ON pitches (space_id, received_at);
