-- The same change as sqlite/V13__known_contacts_versions.sql: a version per space, counted by triggers
-- whenever what screening keeps of its known contacts changes, read by every instance for each pitch.
CREATE TABLE known_contacts_versions (
    space_id TEXT   PRIMARY KEY,
    version  BIGINT NOT NULL
);

CREATE FUNCTION count_known_contacts_change(space TEXT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO known_contacts_versions (space_id, version) VALUES (space, 1)
        ON CONFLICT (space_id) DO UPDATE SET version = known_contacts_versions.version + 1
$$;

CREATE FUNCTION known_contact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.known THEN
            PERFORM count_known_contacts_change(NEW.space_id);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.known THEN
            PERFORM count_known_contacts_change(OLD.space_id);
        END IF;
    ELSIF (OLD.known OR NEW.known) AND (OLD.known IS DISTINCT FROM NEW.known OR OLD.email IS DISTINCT FROM NEW.email
            OR OLD.name IS DISTINCT FROM NEW.name OR OLD.organisation IS DISTINCT FROM NEW.organisation
            OR OLD.space_id IS DISTINCT FROM NEW.space_id) THEN
        PERFORM count_known_contacts_change(OLD.space_id);
        PERFORM count_known_contacts_change(NEW.space_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER known_contact_changed AFTER INSERT OR UPDATE OR DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION known_contact_changed();

CREATE FUNCTION known_address_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF EXISTS (SELECT 1 FROM contacts WHERE id = NEW.contact_id AND known) THEN
            PERFORM count_known_contacts_change(NEW.space_id);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact_id AND known) THEN
            PERFORM count_known_contacts_change(OLD.space_id);
        END IF;
    ELSIF (OLD.contact_id IS DISTINCT FROM NEW.contact_id OR OLD.email IS DISTINCT FROM NEW.email
            OR OLD.space_id IS DISTINCT FROM NEW.space_id)
            AND EXISTS (SELECT 1 FROM contacts WHERE id IN (OLD.contact_id, NEW.contact_id) AND known) THEN
        PERFORM count_known_contacts_change(OLD.space_id);
        PERFORM count_known_contacts_change(NEW.space_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER known_address_changed AFTER INSERT OR UPDATE OR DELETE ON contact_addresses
    FOR EACH ROW EXECUTE FUNCTION known_address_changed();
