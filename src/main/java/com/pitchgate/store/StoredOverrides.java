package com.pitchgate.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pitchgate.crm.OverrideRow;
import com.pitchgate.crm.Overrides;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The reads and writes of an override (a person moving a pitch to another queue), all in one
 * transaction; what the override means is decided by its caller.
 */
public final class StoredOverrides implements Overrides {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** One override's transaction. */
    private static final class Transaction implements Overrides.Change {

        private final Handle handle;
        private final DecisionDao decisions;
        private final CrmDao crm;

        private Transaction(Handle handle) {
            this.handle = handle;
            this.decisions = handle.attach(DecisionDao.class);
            this.crm = handle.attach(CrmDao.class);
        }

        @Override
        public Optional<Decided> decision(long pitchId) {
            return decisions.decision(pitchId)
                    .map(row -> new Decided(row.spaceId(), row.queue(), JsonColumns.read(row.targets(), STRINGS)));
        }

        @Override
        public Optional<Sender> sender(long pitchId) {
            return decisions.content(pitchId).map(row -> new Sender(row.senderEmail(), row.senderName(), row.organisation()));
        }

        @Override
        public void move(OverrideRow override, List<String> targets) {
            decisions.changeQueue(override.pitchId(), override.toQueue(), JsonColumns.write(targets));
            decisions.insertOverride(override);
        }

        @Override
        public void addDecisiveReason(long pitchId, String policy, String signal, String detail) {
            decisions.clearDecisive(pitchId);
            decisions.insertReasons(List.of(new ReasonRow(pitchId, decisions.lastReasonOrdinal(pitchId) + 1, policy, signal,
                    0, detail, true)));
        }

        @Override
        public void makeKnown(String spaceId, String email, String name, String organisation, long now) {
            PreparedWrites.on(handle).recordContact(spaceId, email, name, organisation, true, now);
            crm.liftDeclines(spaceId, email, organisation, now);
        }

        @Override
        public boolean senderDeclined(String spaceId, String email, long now) {
            return crm.standingDecline(spaceId, email, null, now).isPresent();
        }

        @Override
        public void declineSender(String spaceId, String email, long pitchId, long now, long until) {
            crm.insertDecline(spaceId, "sender", email, pitchId, now, until);
        }
    }

    private final Jdbi jdbi;

    public StoredOverrides(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Function<Change, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new Transaction(handle)));
    }
}
