package com.pitchgate.web;

import com.pitchgate.outbound.OutboundPlanner;
import com.pitchgate.outbound.Outbox;
import com.pitchgate.screen.Screener;
import com.pitchgate.space.Space;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.StoredPitch;
import java.time.Clock;
import java.util.Optional;

/**
 * "Decline and reply": the decline reply for a pitch a person declined, put in the outbox like the
 * automatic ones (and sent by the outbox dispatcher, with its retries). The pitch is read again from
 * its raw form, since the reply needs its Message-ID, References and sender as first read.
 */
public final class DeclineReplies {

    private final Screener screener;
    private final OutboundPlanner planner;
    private final PitchStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean available;

    public DeclineReplies(Screener screener, OutboundPlanner planner, PitchStore store, Outbox outbox, Clock clock,
            boolean available) {
        this.screener = screener;
        this.planner = planner;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.available = available;
    }

    /** Whether replies can be sent at all (outbound mail is on). */
    public boolean available() {
        return available;
    }

    /** @return why no reply was queued, or empty when one was */
    public Optional<String> reply(Space space, StoredPitch stored) {
        Screener.Read read = screener.read(stored.id(), stored.raw(), stored.channel(), space.profile());
        OutboundPlanner.ManualReply reply = planner.declineReply(space, read.extracted(), read.pitch(), store::repliedSince,
                clock.instant());
        if (reply.message().isEmpty()) {
            return reply.withheld();
        }
        outbox.enqueue(space.id(), stored.id(), reply.message().get(), clock.millis());
        return Optional.empty();
    }
}
