package com.pitchgate.outbound;

import com.codahale.metrics.health.HealthCheck;
import com.pitchgate.store.OutboxDao;
import org.jdbi.v3.core.Jdbi;

/** Unhealthy when messages were given up on after their last attempt: someone should look at the relay. */
public final class OutboxHealthCheck extends HealthCheck {

    private final Jdbi jdbi;

    public OutboxHealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected Result check() {
        long failed = jdbi.withExtension(OutboxDao.class, dao -> dao.count("failed"));
        long pending = jdbi.withExtension(OutboxDao.class, dao -> dao.count("pending"));
        String message = pending + " message(s) waiting, " + failed + " failed for good";
        return failed > 0 ? Result.unhealthy(message) : Result.healthy(message);
    }
}
