-- Screening keeps each space's known contacts in memory (store.CrmReader) and reads only this row for
-- each pitch, instead of four to six look-ups of contacts and addresses. Whatever changes what it keeps
-- (a contact made known or no longer known, a known contact's address, name, email or organisation,
-- from the API, the import command or another instance) counts one more version here, in the same
-- transaction; the next pitch then reads the known contacts again. Sending a pitch only touches a
-- contact's last_seen, which counts nothing.
CREATE TABLE known_contacts_versions (
    space_id TEXT    PRIMARY KEY,
    version  INTEGER NOT NULL
);

CREATE TRIGGER known_contact_added AFTER INSERT ON contacts WHEN NEW.known
BEGIN
    INSERT INTO known_contacts_versions (space_id, version) VALUES (NEW.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER known_contact_changed AFTER UPDATE ON contacts
WHEN (OLD.known OR NEW.known) AND (OLD.known IS NOT NEW.known OR OLD.email IS NOT NEW.email
    OR OLD.name IS NOT NEW.name OR OLD.organisation IS NOT NEW.organisation OR OLD.space_id IS NOT NEW.space_id)
BEGIN
    INSERT INTO known_contacts_versions (space_id, version) VALUES (OLD.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
    INSERT INTO known_contacts_versions (space_id, version) VALUES (NEW.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER known_contact_removed AFTER DELETE ON contacts WHEN OLD.known
BEGIN
    INSERT INTO known_contacts_versions (space_id, version) VALUES (OLD.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER known_address_added AFTER INSERT ON contact_addresses
WHEN EXISTS (SELECT 1 FROM contacts WHERE id = NEW.contact_id AND known)
BEGIN
    INSERT INTO known_contacts_versions (space_id, version) VALUES (NEW.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER known_address_changed AFTER UPDATE ON contact_addresses
WHEN (OLD.contact_id IS NOT NEW.contact_id OR OLD.email IS NOT NEW.email OR OLD.space_id IS NOT NEW.space_id)
    AND EXISTS (SELECT 1 FROM contacts WHERE id IN (OLD.contact_id, NEW.contact_id) AND known)
BEGIN
    INSERT INTO known_contacts_versions (space_id, version) VALUES (OLD.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
    INSERT INTO known_contacts_versions (space_id, version) VALUES (NEW.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER known_address_removed AFTER DELETE ON contact_addresses
WHEN EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact_id AND known)
BEGIN
    INSERT INTO known_contacts_versions (space_id, version) VALUES (OLD.space_id, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = version + 1;
END;
