package com.pitchgate.store;

/**
 * The {@code outbox} row: one message to send (a forward or a reply), committed with the decision
 * that asked for it.
 *
 * @param recipients      JSON list of addresses
 * @param replyToSender   for replies, the pitch sender's address, for the cool-down
 * @param raw             the complete MIME message
 * @param state           {@code pending}, {@code sent}, or {@code failed} (gave up after the last attempt)
 */
public record OutboxRow(long id, String spaceId, long pitchId, String kind, String recipients, String replyToSender,
        byte[] raw, String state, int attempts, long nextAttemptAt, String lastError, long createdAt, Long sentAt) {
}
