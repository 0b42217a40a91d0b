package com.pitchgate.web;

import com.pitchgate.outbound.OutboundPlanner;
import com.pitchgate.outbound.Outbox;
import com.pitchgate.outbound.ReplyFacts;
import com.pitchgate.space.Space;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.StoredPitch;
import java.time.Clock;
import java.util.Optional;

/**
 * "Decline and reply": the decline reply for a pitch a person declined, put in the outbox like the
 * automatic ones (and sent by the outbox dispatcher, with its retries). The reply is made from the
 * facts stored with the pitch when it was decided (sender, Message-ID, References...): the message
 * is not read again (issue 24).
 */
public final class DeclineReplies {

    private final OutboundPlanner planner;
    private final PitchStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean available;

    public DeclineReplies(OutboundPlanner planner, PitchStore store, Outbox outbox, Clock clock, boolean available) {
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
        Optional<ReplyFacts> facts = store.replyFacts(stored.id());
        if (facts.isEmpty()) {
            return Optional.of("pitch " + stored.id() + " is not decided yet");
        }
        OutboundPlanner.ManualReply reply = planner.declineReply(space, stored.id(), facts.get(), store::repliedSince,
                clock.instant());
        if (reply.message().isEmpty()) {
            return reply.withheld();
        }
        outbox.enqueue(space.id(), stored.id(), reply.message().get(), clock.millis());
        return Optional.empty();
    }
}
