package com.pitchgate.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Contacts and the "no" memory. Addresses are stored in lower case. */
@RegisterConstructorMapper(ContactRow.class)
@RegisterConstructorMapper(DeclineRow.class)
public interface CrmDao {

    /**
     * Records that an address wrote; {@code known} only ever goes from false to true. {@code OR} and
     * {@code TRUE} read the same on SQLite (0/1 integers) and PostgreSQL (booleans).
     */
    @SqlUpdate("INSERT INTO contacts (space_id, email, name, organisation, known, first_seen, last_seen)"
            + " VALUES (:spaceId, :email, :name, :organisation, :known, :now, :now)"
            + " ON CONFLICT (space_id, email) DO UPDATE SET last_seen = excluded.last_seen,"
            + " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE contacts.name END,"
            + " organisation = coalesce(excluded.organisation, contacts.organisation),"
            + " known = (contacts.known OR excluded.known)")
    void upsertContact(@Bind("spaceId") String spaceId, @Bind("email") String email, @Bind("name") String name,
            @Bind("organisation") String organisation, @Bind("known") boolean known, @Bind("now") long now);

    @SqlQuery("SELECT * FROM contacts WHERE space_id = :spaceId AND email = :email")
    Optional<ContactRow> contact(@Bind("spaceId") String spaceId, @Bind("email") String email);

    @SqlQuery("SELECT * FROM contacts WHERE space_id = :spaceId AND known = TRUE AND name <> ''")
    List<ContactRow> knownContacts(@Bind("spaceId") String spaceId);

    @SqlUpdate("INSERT INTO declines (space_id, scope, value, pitch_id, declined_at, expires_at)"
            + " VALUES (:spaceId, :scope, :value, :pitchId, :declinedAt, :expiresAt)")
    void insertDecline(@Bind("spaceId") String spaceId, @Bind("scope") String scope, @Bind("value") String value,
            @Bind("pitchId") long pitchId, @Bind("declinedAt") long declinedAt, @Bind("expiresAt") long expiresAt);

    /** The latest-expiring "no" still standing for this address or organisation. */
    @SqlQuery("SELECT * FROM declines WHERE space_id = :spaceId AND lifted_at IS NULL AND expires_at > :now"
            + " AND ((scope = 'sender' AND value = :email) OR (scope = 'organisation' AND value = :organisation))"
            + " ORDER BY expires_at DESC LIMIT 1")
    Optional<DeclineRow> standingDecline(@Bind("spaceId") String spaceId, @Bind("email") String email,
            @Bind("organisation") String organisation, @Bind("now") long now);
}
