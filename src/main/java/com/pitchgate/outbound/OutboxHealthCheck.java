package com.pitchgate.outbound;

import com.codahale.metrics.health.HealthCheck;

/** Unhealthy when messages were given up on after their last attempt: someone should look at the relay. */
public final class OutboxHealthCheck extends HealthCheck {

    private final Outbox outbox;

    public OutboxHealthCheck(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    protected Result check() {
        long failed = outbox.failed();
        long pending = outbox.pending();
        String message = pending + " message(s) waiting, " + failed + " failed for good";
        return failed > 0 ? Result.unhealthy(message) : Result.healthy(message);
    }
}
