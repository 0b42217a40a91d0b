package com.pitchgate.store;

import com.pitchgate.crm.IntroRow;
import com.pitchgate.crm.Intros;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Who knows whom: the intros of a space's members and contacts, in the {@code intros} table. */
public final class StoredIntros implements Intros {

    private final Jdbi jdbi;

    public StoredIntros(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<IntroRow> list(String spaceId, int limit, long offset) {
        return jdbi.withExtension(IntroDao.class, dao -> dao.list(spaceId, limit, offset));
    }

    @Override
    public IntroRow add(IntroRow intro) {
        return jdbi.withExtension(IntroDao.class, dao -> dao.find(intro.spaceId(), dao.insert(intro))).orElseThrow();
    }

    @Override
    public void addAll(List<IntroRow> intros) {
        jdbi.useTransaction(handle -> {
            IntroDao dao = handle.attach(IntroDao.class);
            intros.forEach(dao::insert);
        });
    }

    @Override
    public boolean remove(String spaceId, long id) {
        return jdbi.withExtension(IntroDao.class, dao -> dao.delete(spaceId, id)) > 0;
    }
}
