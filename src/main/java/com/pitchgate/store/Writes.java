package com.pitchgate.store;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * How the pitch store runs its write transactions: directly, each with its own commit, or through a
 * {@link GroupCommit} that shares one commit among concurrent writers.
 */
public interface Writes {

    /** Runs {@code work} in a write transaction and returns once it is committed. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work);

    /** Each transaction on its own, in the calling thread. */
    static Writes direct(Jdbi jdbi) {
        return new Writes() {
            @Override
            public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
                return jdbi.inTransaction(work);
            }
        };
    }
}
