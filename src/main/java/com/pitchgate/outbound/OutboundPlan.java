package com.pitchgate.outbound;

import com.pitchgate.policy.Reason;
import java.util.List;

/** What to send about a decision, and the reasons for what is held back. */
public record OutboundPlan(List<OutboundMessage> messages, List<Reason> notes) {
    public static final OutboundPlan NOTHING = new OutboundPlan(List.of(), List.of());

    public OutboundPlan {
        messages = List.copyOf(messages);
        notes = List.copyOf(notes);
    }
}
