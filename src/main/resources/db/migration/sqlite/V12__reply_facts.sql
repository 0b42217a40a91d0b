-- What a reply to a pitch's sender needs (sender, language, subject, Message-ID, References, the
-- headers the reply guards weigh), as JSON, stored when the pitch is decided, so that a reply asked for
-- later ("decline and reply") reads it instead of reading the raw message again (issue 24). Pitches
-- decided before this version have none: theirs is made from the columns and reasons stored with
-- them (PitchStore.replyFacts).
ALTER TABLE pitch_content ADD COLUMN reply_facts TEXT;
