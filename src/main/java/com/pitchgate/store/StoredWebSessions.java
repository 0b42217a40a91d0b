package com.pitchgate.store;

import com.pitchgate.store.WebSessionDao.SessionRow;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The review pages' sign-in sessions in the {@code web_sessions} table. */
public final class StoredWebSessions {

    private final Jdbi jdbi;

    public StoredWebSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Keeps a new session, and drops those expired by its start. */
    public void add(SessionRow session) {
        jdbi.useExtension(WebSessionDao.class, dao -> {
            dao.deleteExpired(session.createdAt());
            dao.insert(session);
        });
    }

    /** The unexpired session of this token hash. */
    public Optional<SessionRow> find(String tokenHash, long now) {
        return jdbi.withExtension(WebSessionDao.class, dao -> dao.find(tokenHash, now));
    }

    public void remove(String tokenHash) {
        jdbi.useExtension(WebSessionDao.class, dao -> dao.delete(tokenHash));
    }
}
