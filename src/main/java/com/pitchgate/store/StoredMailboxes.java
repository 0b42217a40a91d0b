package com.pitchgate.store;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** What the IMAP screening keeps of each mailbox: how far it was read, where each message was filed. */
public final class StoredMailboxes {

    private final Jdbi jdbi;

    public StoredMailboxes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<MailboxDao.Progress> progress(String account) {
        return jdbi.withExtension(MailboxDao.class, dao -> dao.progress(account));
    }

    public void saveProgress(String account, long uidValidity, long lastUid) {
        jdbi.useExtension(MailboxDao.class, dao -> dao.saveProgress(account, uidValidity, lastUid));
    }

    public Optional<MailboxDao.Filed> filed(String account, String messageKey) {
        return jdbi.withExtension(MailboxDao.class, dao -> dao.filed(account, messageKey));
    }

    public void file(String account, String messageKey, long pitchId, String queue, long now) {
        jdbi.useExtension(MailboxDao.class, dao -> dao.file(account, messageKey, pitchId, queue, now));
    }

    /** The queue the pitch was decided into (a message is filed by its pitch's decision); empty while undecided. */
    public Optional<String> decidedQueue(long pitchId) {
        return jdbi.withExtension(DecisionDao.class, dao -> dao.decision(pitchId)).map(DecisionRow::queue);
    }
}
