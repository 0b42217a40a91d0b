package com.pitchgate.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The reads and writes of an override (a person moving a pitch to another queue), all in one
 * transaction; what the override means is decided by its caller.
 */
public final class StoredOverrides {

    /** One override's transaction. */
    public static final class Change {

        private final Handle handle;
        private final DecisionDao decisions;
        private final CrmDao crm;

        private Change(Handle handle) {
            this.handle = handle;
            this.decisions = handle.attach(DecisionDao.class);
            this.crm = handle.attach(CrmDao.class);
        }

        public Optional<DecisionRow> decision(long pitchId) {
            return decisions.decision(pitchId);
        }

        public Optional<ContentRow> content(long pitchId) {
            return decisions.content(pitchId);
        }

        /** Puts the pitch in the override's queue, with these targets, and records the override. */
        public void move(OverrideRow override, List<String> targets) {
            decisions.changeQueue(override.pitchId(), override.toQueue(), JsonColumns.write(targets));
            decisions.insertOverride(override);
        }

        /** Adds a reason after the pitch's others, the one that now decides it (weight 0). */
        public void addDecisiveReason(long pitchId, String policy, String signal, String detail) {
            decisions.clearDecisive(pitchId);
            decisions.insertReasons(List.of(new ReasonRow(pitchId, decisions.lastReasonOrdinal(pitchId) + 1, policy, signal,
                    0, detail, true)));
        }

        /** Makes the sender a known contact and lifts the "no"s to them and to their organisation. */
        public void makeKnown(String spaceId, String email, String name, String organisation, long now) {
            PreparedWrites.on(handle).recordContact(spaceId, email, name, organisation, true, now);
            crm.liftDeclines(spaceId, email, organisation, now);
        }

        public boolean senderDeclined(String spaceId, String email, long now) {
            return crm.standingDecline(spaceId, email, null, now).isPresent();
        }

        public void declineSender(String spaceId, String email, long pitchId, long now, long until) {
            crm.insertDecline(spaceId, "sender", email, pitchId, now, until);
        }
    }

    private final Jdbi jdbi;

    public StoredOverrides(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs the work in one transaction: all its writes are kept, or none. */
    public <T> T inTransaction(Function<Change, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new Change(handle)));
    }
}
