package com.pitchgate.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The CRM look-ups that screening makes for every pitch, in a SqlObject of their own: Jdbi builds a
 * handler per method each time a SqlObject is attached, so the few methods screening needs cost a
 * fraction of attaching the whole {@link CrmDao} for each look-up.
 */
@RegisterConstructorMapper(ContactRow.class)
@RegisterConstructorMapper(DeclineRow.class)
@RegisterConstructorMapper(IntroRow.class)
public interface CrmLookups {

    String CONTACT_COLUMNS = "c.id, c.space_id, c.email, c.name, c.organisation, c.known, c.first_seen, c.last_seen";

    @SqlQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts c JOIN contact_addresses a ON a.contact_id = c.id"
            + " WHERE a.space_id = :spaceId AND a.email = :email")
    Optional<ContactRow> contact(@Bind("spaceId") String spaceId, @Bind("email") String email);

    @SqlQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts c WHERE c.space_id = :spaceId AND c.known = TRUE AND c.name <> ''")
    List<ContactRow> knownContacts(@Bind("spaceId") String spaceId);

    /** The latest-expiring "no" still standing for this address or organisation. */
    @SqlQuery("SELECT * FROM declines WHERE space_id = :spaceId AND lifted_at IS NULL AND expires_at > :now"
            + " AND ((scope = 'sender' AND value = :email) OR (scope = 'organisation' AND value = :organisation))"
            + " ORDER BY expires_at DESC LIMIT 1")
    Optional<DeclineRow> standingDecline(@Bind("spaceId") String spaceId, @Bind("email") String email,
            @Bind("organisation") String organisation, @Bind("now") long now);

    /** An intro vouching for this address, or else for this organisation; the oldest first. */
    @SqlQuery("SELECT * FROM intros WHERE space_id = :spaceId AND (person_email = :email"
            + " OR (organisation IS NOT NULL AND organisation = :organisation))"
            + " ORDER BY CASE WHEN person_email = :email THEN 0 ELSE 1 END, id LIMIT 1")
    Optional<IntroRow> vouchingFor(@Bind("spaceId") String spaceId, @Bind("email") String email,
            @Bind("organisation") String organisation);
}
