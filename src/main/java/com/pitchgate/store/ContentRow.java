package com.pitchgate.store;

/**
 * The {@code pitch_content} row: what extraction and analysis read from a pitch. JSON in text columns.
 *
 * @param replyFacts the {@link com.pitchgate.outbound.ReplyFacts} as JSON; null for pitches decided before it was stored
 */
public record ContentRow(
        long pitchId,
        String senderEmail,
        String senderName,
        String senderDomain,
        String organisation,
        String replyTo,
        String subject,
        String body,
        String language,
        String headers,
        String marks,
        String intermediaries,
        String problems,
        String replyFacts) {
}
