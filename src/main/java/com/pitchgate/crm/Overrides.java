package com.pitchgate.crm;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reads and writes of an override (a person moving a pitch to another queue), all in one
 * transaction; what the override means is {@link OverrideService}'s to decide. The store implements it.
 */
public interface Overrides {

    /** Runs the work in one transaction: all its writes are kept, or none. */
    <T> T inTransaction(Function<Change, T> work);

    /** The decision an override changes: its queue and whom it forwards to (member ids, or {@code manager}). */
    record Decided(String spaceId, String queue, List<String> targets) {
    }

    /** Who sent the pitch, as its content read them; {@code email} may be blank. */
    record Sender(String email, String name, String organisation) {
    }

    /** One override's transaction. */
    interface Change {

        Optional<Decided> decision(long pitchId);

        Optional<Sender> sender(long pitchId);

        /** Puts the pitch in the override's queue, with these targets, and records the override. */
        void move(OverrideRow override, List<String> targets);

        /** Adds a reason after the pitch's others, the one that now decides it (weight 0). */
        void addDecisiveReason(long pitchId, String policy, String signal, String detail);

        /** Makes the sender a known contact and lifts the "no"s to them and to their organisation. */
        void makeKnown(String spaceId, String email, String name, String organisation, long now);

        boolean senderDeclined(String spaceId, String email, long now);

        void declineSender(String spaceId, String email, long pitchId, long now, long until);
    }
}
