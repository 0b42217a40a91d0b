package com.pitchgate.outbound;

import java.util.List;

/**
 * The messages waiting to be sent, and those sent, as outbound mail sees them. Outbound owns this
 * and the store implements it, so that sending mail does not depend on how messages are kept.
 */
public interface Outbox {

    /** A message due for a sending attempt. */
    record Due(long id, long pitchId, String kind, List<String> recipients, byte[] raw, int attempts) {
        public Due {
            recipients = List.copyOf(recipients);
        }
    }

    /** Queues a message for a pitch, apart from a decision (a decline reply a person asked for). */
    void enqueue(String spaceId, long pitchId, OutboundMessage message, long now);

    /** The pending messages whose next attempt is due, oldest first. */
    List<Due> due(long now, int limit);

    /** Takes a due message for one sending attempt; false when another instance took it first. */
    boolean claim(long id, long now, long until);

    void markSent(long id, long now);

    /** Records a failed attempt; the message is given up on ({@code failed}) after the last one. */
    void markFailed(long id, String error, long nextAttemptAt, int maxAttempts);

    long pending();

    /** Messages given up on after their last attempt. */
    long failed();
}
