package com.pitchgate.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Named leases: which instance runs a singleton job, and until when. Times are epoch milliseconds. */
@RegisterConstructorMapper(LeaseRow.class)
public interface LeaseDao {

    /**
     * Takes the lease, or renews it, when it is free, expired, or already the owner's; 1 if the
     * owner holds it now, 0 if someone else does. One statement, so two owners racing for the same
     * lease cannot both win: the database serialises the insert and the conditional update.
     */
    @SqlUpdate("INSERT INTO leases (name, owner, expires_at) VALUES (:name, :owner, :expiresAt)"
            + " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
            + " WHERE leases.owner = excluded.owner OR leases.expires_at <= :now")
    int acquire(@Bind("name") String name, @Bind("owner") String owner, @Bind("now") long now,
            @Bind("expiresAt") long expiresAt);

    @SqlUpdate("DELETE FROM leases WHERE name = :name AND owner = :owner")
    int release(@Bind("name") String name, @Bind("owner") String owner);

    @SqlQuery("SELECT name, owner, expires_at FROM leases WHERE name = :name")
    Optional<LeaseRow> find(@Bind("name") String name);
}
