package com.pitchgate.store;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The CRM look-ups that screening makes for every pitch, in a SqlObject of their own: Jdbi builds a
 * handler per method each time a SqlObject is attached, so the few methods screening needs cost a
 * fraction of attaching the whole {@link CrmDao} for each look-up. Screening itself runs the same
 * statements through {@link CrmReader}.
 */
@RegisterConstructorMapper(ContactRow.class)
@RegisterConstructorMapper(DeclineRow.class)
@RegisterConstructorMapper(IntroRow.class)
public interface CrmLookups {

    String CONTACT_COLUMNS = "c.id, c.space_id, c.email, c.name, c.organisation, c.known, c.first_seen, c.last_seen";

    String CONTACT = "SELECT " + CONTACT_COLUMNS + " FROM contacts c JOIN contact_addresses a ON a.contact_id = c.id"
            + " WHERE a.space_id = :spaceId AND a.email = :email";

    /*
     * Every known contact of a space with each of its addresses (a row per address; one with none for a
     * contact without any), by id: what screening keeps in memory (CrmReader.knownContacts).
     */
    String KNOWN_CONTACTS = "SELECT c.id, c.email, c.name, c.organisation, a.email AS address FROM contacts c"
            + " LEFT JOIN contact_addresses a ON a.contact_id = c.id AND a.space_id = c.space_id"
            + " WHERE c.space_id = :spaceId AND c.known ORDER BY c.id, a.email";

    /* How many times the space's known contacts changed (no row: never), counted by triggers (migration V13). */
    String KNOWN_CONTACTS_VERSION = "SELECT version FROM known_contacts_versions WHERE space_id = :spaceId";

    /*
     * The latest-expiring "no" standing for the sender or its organisation (the later one entered of two
     * that expire together). Each scope searched by its value: with one OR of the two, SQLite read all the
     * space's standing "no"s (one per sender declined) for each pitch.
     */
    String DECLINE_COLUMNS = "id, space_id, scope, value, pitch_id, declined_at, expires_at, lifted_at";
    String STANDING_DECLINE = "SELECT " + DECLINE_COLUMNS + " FROM ("
            + "SELECT " + DECLINE_COLUMNS + " FROM declines WHERE space_id = :spaceId AND scope = 'sender' AND value = :email"
            + " AND lifted_at IS NULL AND expires_at > :now"
            + " UNION ALL SELECT " + DECLINE_COLUMNS + " FROM declines WHERE space_id = :spaceId AND scope = 'organisation'"
            + " AND value = :organisation AND lifted_at IS NULL AND expires_at > :now"
            + ") standing ORDER BY expires_at DESC, id DESC LIMIT 1";

    String INTRO_COLUMNS = "id, space_id, introducer_kind, introducer_ref, introducer_name, person_name, person_email,"
            + " organisation, note, source, created_at";

    /*
     * Two searches rather than one WHERE with an OR: for the OR, SQLite chose by its statistics, and
     * with statistics taken before a space had many intros it read all of the space's intros (9 ms
     * with 20,000) for every pitch.
     */
    String VOUCHING_FOR = "SELECT " + INTRO_COLUMNS + " FROM ("
            + "SELECT 0 AS rank, " + INTRO_COLUMNS + " FROM intros WHERE space_id = :spaceId AND person_email = :email"
            + " UNION ALL SELECT 1 AS rank, " + INTRO_COLUMNS + " FROM intros WHERE space_id = :spaceId AND organisation = :organisation"
            + ") vouching ORDER BY rank, id LIMIT 1";

    @SqlQuery(CONTACT)
    Optional<ContactRow> contact(@Bind("spaceId") String spaceId, @Bind("email") String email);

    /** The latest-expiring "no" still standing for this address or organisation. */
    @SqlQuery(STANDING_DECLINE)
    Optional<DeclineRow> standingDecline(@Bind("spaceId") String spaceId, @Bind("email") String email,
            @Bind("organisation") String organisation, @Bind("now") long now);

    /** An intro vouching for this address, or else for this organisation; the oldest first. */
    @SqlQuery(VOUCHING_FOR)
    Optional<IntroRow> vouchingFor(@Bind("spaceId") String spaceId, @Bind("email") String email,
            @Bind("organisation") String organisation);
}
