package com.pitchgate.outbound;

import com.pitchgate.policy.Reason;
import java.util.List;
import java.util.Optional;

/**
 * What to send about a routed pitch, and the notes on what is held back. Planned before the decision
 * is made, since its notes are among the decision's reasons; the messages are written after, from the
 * decision ({@link OutboundPlanner#messages}), since a forward quotes every reason.
 *
 * @param forward whether to forward the pitch to its targets
 * @param reply   what to answer the sender with, when they are answered
 */
public record OutboundPlan(boolean forward, Optional<ReplyFacts> reply, List<Reason> notes) {
    public static final OutboundPlan NOTHING = new OutboundPlan(false, Optional.empty(), List.of());

    public OutboundPlan {
        notes = List.copyOf(notes);
    }
}
