package com.pitchgate.outbound;

import java.util.List;
import java.util.Optional;

/**
 * A message to send, committed with the decision that asks for it.
 *
 * @param kind          {@code forward} or {@code reply}
 * @param replyToSender for replies, the sender answered, for the cool-down
 */
public record OutboundMessage(String kind, List<String> recipients, Optional<String> replyToSender, byte[] raw) {
    public OutboundMessage {
        recipients = List.copyOf(recipients);
    }
}
