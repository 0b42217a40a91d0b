package com.pitchgate.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pitchgate.outbound.OutboundMessage;
import com.pitchgate.outbound.Outbox;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The outbox in the {@code outbox} table. */
public final class StoredOutbox implements Outbox {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Jdbi jdbi;

    public StoredOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(String spaceId, long pitchId, OutboundMessage message, long now) {
        jdbi.useExtension(OutboxDao.class, dao -> dao.enqueue(spaceId, pitchId, message.kind(),
                JsonColumns.write(message.recipients()), message.replyToSender().orElse(null), message.raw(), now));
    }

    @Override
    public List<Due> due(long now, int limit) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.due(now, limit)).stream()
                .map(row -> new Due(row.id(), row.pitchId(), row.kind(), JsonColumns.read(row.recipients(), STRINGS),
                        row.raw(), row.attempts()))
                .toList();
    }

    @Override
    public boolean claim(long id, long now, long until) {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.claim(id, now, until)) == 1;
    }

    @Override
    public void markSent(long id, long now) {
        jdbi.useExtension(OutboxDao.class, dao -> dao.markSent(id, now));
    }

    @Override
    public void markFailed(long id, String error, long nextAttemptAt, int maxAttempts) {
        jdbi.useExtension(OutboxDao.class, dao -> dao.markFailed(id, error, nextAttemptAt, maxAttempts));
    }

    @Override
    public long pending() {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.count("pending"));
    }

    @Override
    public long failed() {
        return jdbi.withExtension(OutboxDao.class, dao -> dao.count("failed"));
    }
}
