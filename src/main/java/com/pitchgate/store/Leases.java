package com.pitchgate.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Leases in the database, for jobs that must run on one instance at a time while several share the
 * database (polling one IMAP account, say). An owner (an id unique to each instance) acquires a
 * lease for a while and renews it before it runs out; if the owner dies, the lease expires and
 * another instance acquires it.
 *
 * <p>Expiry is measured with each instance's clock, so the instances' clocks must agree to well
 * within the time to live (NTP does this); the holder should also finish or renew well before it
 * runs out, since nothing stops its work when it does.
 */
public final class Leases {

    private final Jdbi jdbi;
    private final Clock clock;

    public Leases(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Takes the lease {@code name} for {@code owner} until now + {@code ttl} if it is free, expired,
     * or already the owner's (then it is renewed). Returns whether the owner holds it now.
     */
    public boolean acquire(String name, String owner, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease's time to live must be positive, not " + ttl);
        }
        Instant now = clock.instant();
        return jdbi.withExtension(LeaseDao.class,
                dao -> dao.acquire(name, owner, now.toEpochMilli(), now.plus(ttl).toEpochMilli())) == 1;
    }

    /** Gives the lease up, if the owner holds it; someone else's lease is left alone. */
    public void release(String name, String owner) {
        jdbi.useExtension(LeaseDao.class, dao -> dao.release(name, owner));
    }

    /** Who holds the lease, if anyone has it (it may have expired). */
    public Optional<LeaseRow> holder(String name) {
        return jdbi.withExtension(LeaseDao.class, dao -> dao.find(name));
    }
}
