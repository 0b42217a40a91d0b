-- The same change as sqlite/V12__reply_facts.sql: the facts a reply needs, stored with the pitch's content.
ALTER TABLE pitch_content ADD COLUMN reply_facts TEXT;
