-- Screening lists a space's known contacts whenever a pitch names an intermediary ("de la part de
-- Tom Hale"). Without an index that read every contact the space ever saw: 15 ms with 200,000
-- contacts (a store of 10^6 pitches), a tenth of the pitches each paying it. Known contacts are few,
-- so a partial index holds only them, and new (unknown) contacts never touch it.
CREATE INDEX contacts_known ON contacts (space_id) WHERE known;
