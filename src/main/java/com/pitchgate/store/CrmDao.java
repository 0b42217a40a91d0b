package com.pitchgate.store;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.TimelinePitchRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Contacts (with every address they wrote from), organisations, and the "no" memory. Addresses and
 * domains are stored in lower case; every query is scoped to one space. Booleans are written with
 * {@code TRUE} and {@code OR}, which read the same on SQLite (0/1) and PostgreSQL (booleans).
 */
@RegisterConstructorMapper(ContactRow.class)
@RegisterConstructorMapper(DeclineRow.class)
@RegisterConstructorMapper(OrganisationRow.class)
@RegisterConstructorMapper(TimelinePitchRow.class)
public interface CrmDao extends CrmLookups {

    /**
     * Adds an address to a contact, taking it from another contact if it had it (a merge). Also run
     * when a pitch's sender is recorded ({@link PreparedWrites#recordContact}).
     */
    String ADD_ADDRESS = "INSERT INTO contact_addresses (space_id, email, contact_id) VALUES (:spaceId, :email, :contactId)"
            + " ON CONFLICT (space_id, email) DO UPDATE SET contact_id = excluded.contact_id";

    /** Also run by screening, through {@link PreparedWrites}. */
    String INSERT_DECLINE = "INSERT INTO declines (space_id, scope, value, pitch_id, declined_at, expires_at)"
            + " VALUES (:spaceId, :scope, :value, :pitchId, :declinedAt, :expiresAt)";

    @SqlUpdate(ADD_ADDRESS)
    void addAddress(@Bind("spaceId") String spaceId, @Bind("email") String email, @Bind("contactId") long contactId);

    @SqlQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts c WHERE c.space_id = :spaceId AND c.id = :id")
    Optional<ContactRow> contactById(@Bind("spaceId") String spaceId, @Bind("id") long id);

    @SqlQuery("SELECT email FROM contact_addresses WHERE contact_id = :id ORDER BY email")
    List<String> addresses(@Bind("id") long contactId);

    @SqlUpdate("UPDATE contacts SET known = TRUE WHERE space_id = :spaceId AND id = :id")
    int markKnown(@Bind("spaceId") String spaceId, @Bind("id") long id);

    /** Contacts whose name, any address, or organisation contains {@code q} (lower case). */
    @SqlQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts c WHERE c.space_id = :spaceId AND (:q = ''"
            + " OR lower(c.name) LIKE '%' || :q || '%' OR coalesce(c.organisation, '') LIKE '%' || :q || '%'"
            + " OR EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id AND a.email LIKE '%' || :q || '%'))"
            + " ORDER BY c.last_seen DESC, c.id DESC LIMIT :limit OFFSET :offset")
    List<ContactRow> searchContacts(@Bind("spaceId") String spaceId, @Bind("q") String query, @Bind("limit") int limit,
            @Bind("offset") long offset);

    @SqlQuery("SELECT o.id, o.space_id, o.domain, o.name, o.created_at,"
            + " (SELECT count(*) FROM contacts c WHERE c.space_id = o.space_id AND c.organisation = o.domain) AS contacts"
            + " FROM organisations o WHERE o.space_id = :spaceId AND o.id = :id")
    Optional<OrganisationRow> organisation(@Bind("spaceId") String spaceId, @Bind("id") long id);

    @SqlQuery("SELECT o.id, o.space_id, o.domain, o.name, o.created_at,"
            + " (SELECT count(*) FROM contacts c WHERE c.space_id = o.space_id AND c.organisation = o.domain) AS contacts"
            + " FROM organisations o WHERE o.space_id = :spaceId AND (:q = '' OR o.domain LIKE '%' || :q || '%'"
            + " OR lower(o.name) LIKE '%' || :q || '%') ORDER BY o.domain LIMIT :limit OFFSET :offset")
    List<OrganisationRow> searchOrganisations(@Bind("spaceId") String spaceId, @Bind("q") String query,
            @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts c WHERE c.space_id = :spaceId AND c.organisation = :domain ORDER BY c.id")
    List<ContactRow> contactsOf(@Bind("spaceId") String spaceId, @Bind("domain") String domain);

    @SqlQuery("SELECT p.id AS pitch_id, p.received_at, c.sender_email, c.subject, d.queue, d.decided_at FROM pitches p"
            + " JOIN pitch_content c ON c.pitch_id = p.id LEFT JOIN decisions d ON d.pitch_id = p.id"
            + " WHERE p.space_id = :spaceId AND c.sender_email IN (<emails>) ORDER BY p.id")
    List<TimelinePitchRow> pitchesFrom(@Bind("spaceId") String spaceId, @BindList("emails") List<String> emails);

    @SqlQuery("SELECT p.id AS pitch_id, p.received_at, c.sender_email, c.subject, d.queue, d.decided_at FROM pitches p"
            + " JOIN pitch_content c ON c.pitch_id = p.id LEFT JOIN decisions d ON d.pitch_id = p.id"
            + " WHERE p.space_id = :spaceId AND c.organisation = :domain ORDER BY p.id")
    List<TimelinePitchRow> pitchesOfOrganisation(@Bind("spaceId") String spaceId, @Bind("domain") String domain);

    @SqlUpdate(INSERT_DECLINE)
    void insertDecline(@Bind("spaceId") String spaceId, @Bind("scope") String scope, @Bind("value") String value,
            @Bind("pitchId") Long pitchId, @Bind("declinedAt") long declinedAt, @Bind("expiresAt") long expiresAt);

    @SqlUpdate("UPDATE declines SET lifted_at = :now WHERE space_id = :spaceId AND lifted_at IS NULL AND expires_at > :now"
            + " AND ((scope = 'sender' AND value = :email) OR (scope = 'organisation' AND value = :organisation))")
    int liftDeclines(@Bind("spaceId") String spaceId, @Bind("email") String email,
            @Bind("organisation") String organisation, @Bind("now") long now);

    @SqlUpdate("UPDATE declines SET lifted_at = :now WHERE space_id = :spaceId AND id = :id AND lifted_at IS NULL")
    int liftDecline(@Bind("spaceId") String spaceId, @Bind("id") long id, @Bind("now") long now);

    @SqlQuery("SELECT * FROM declines WHERE space_id = :spaceId AND lifted_at IS NULL AND expires_at > :now"
            + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<DeclineRow> standingDeclines(@Bind("spaceId") String spaceId, @Bind("now") long now, @Bind("limit") int limit,
            @Bind("offset") long offset);

    @SqlQuery("SELECT * FROM declines WHERE space_id = :spaceId AND ((scope = 'sender' AND value IN (<emails>))"
            + " OR (scope = 'organisation' AND value = :organisation)) ORDER BY id")
    List<DeclineRow> declinesAbout(@Bind("spaceId") String spaceId, @BindList("emails") List<String> emails,
            @Bind("organisation") String organisation);
}
