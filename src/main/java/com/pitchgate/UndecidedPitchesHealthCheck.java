package com.pitchgate;

import com.codahale.metrics.health.HealthCheck;
import com.pitchgate.store.PitchStore;

/**
 * Reports pitches stored but not yet decided. A few are normal under load; a growing backlog means
 * screening is failing or falling behind.
 */
final class UndecidedPitchesHealthCheck extends HealthCheck {

    private static final long BACKLOG_LIMIT = 1_000;

    private final PitchStore store;

    UndecidedPitchesHealthCheck(PitchStore store) {
        this.store = store;
    }

    @Override
    protected Result check() {
        long undecided = store.countUndecided();
        String message = undecided + " pitch(es) stored but not decided";
        return undecided > BACKLOG_LIMIT ? Result.unhealthy(message) : Result.healthy(message);
    }
}
