package com.pitchgate.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Who knows whom: the intros of a space's members and contacts, in the {@code intros} table. */
public final class StoredIntros {

    private final Jdbi jdbi;

    public StoredIntros(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A page of the space's intros, newest first. */
    public List<IntroRow> list(String spaceId, int limit, long offset) {
        return jdbi.withExtension(IntroDao.class, dao -> dao.list(spaceId, limit, offset));
    }

    /** Keeps an intro; returns it as stored, with its id. */
    public IntroRow add(IntroRow intro) {
        return jdbi.withExtension(IntroDao.class, dao -> dao.find(intro.spaceId(), dao.insert(intro))).orElseThrow();
    }

    /** Keeps intros all together or none (an imported network). */
    public void addAll(List<IntroRow> intros) {
        jdbi.useTransaction(handle -> {
            IntroDao dao = handle.attach(IntroDao.class);
            intros.forEach(dao::insert);
        });
    }

    /** False when the space has no such intro. */
    public boolean remove(String spaceId, long id) {
        return jdbi.withExtension(IntroDao.class, dao -> dao.delete(spaceId, id)) > 0;
    }
}
