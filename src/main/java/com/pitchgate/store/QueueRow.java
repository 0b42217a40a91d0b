package com.pitchgate.store;

/** One line of a queue listing. {@code targets} is JSON. */
public record QueueRow(
        long pitchId,
        String senderEmail,
        String senderName,
        String organisation,
        String subject,
        String language,
        double score,
        String targets,
        long receivedAt,
        long decidedAt) {
}
