package com.pitchgate.store;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** How far each screened mailbox has been read, and where each of its messages was filed. */
@RegisterConstructorMapper(MailboxDao.Progress.class)
@RegisterConstructorMapper(MailboxDao.Filed.class)
public interface MailboxDao {

    @SqlQuery("SELECT uid_validity, last_uid FROM mailbox_state WHERE account = :account")
    Optional<Progress> progress(@Bind("account") String account);

    @SqlUpdate("INSERT INTO mailbox_state (account, uid_validity, last_uid) VALUES (:account, :uidValidity, :lastUid)"
            + " ON CONFLICT (account) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid")
    void saveProgress(@Bind("account") String account, @Bind("uidValidity") long uidValidity, @Bind("lastUid") long lastUid);

    @SqlQuery("SELECT pitch_id, queue FROM mailbox_filed WHERE account = :account AND message_key = :key")
    Optional<Filed> filed(@Bind("account") String account, @Bind("key") String messageKey);

    @SqlUpdate("INSERT INTO mailbox_filed (account, message_key, pitch_id, queue, filed_at)"
            + " VALUES (:account, :key, :pitchId, :queue, :now)"
            + " ON CONFLICT (account, message_key) DO UPDATE SET queue = excluded.queue, filed_at = excluded.filed_at")
    void file(@Bind("account") String account, @Bind("key") String messageKey, @Bind("pitchId") long pitchId,
            @Bind("queue") String queue, @Bind("now") long now);

    /** The UID validity and the highest UID screened, for one mailbox folder. */
    record Progress(long uidValidity, long lastUid) {
    }

    /** The pitch a filed message is, and the queue it was filed under. */
    record Filed(long pitchId, String queue) {
    }
}
