package com.pitchgate.crm;

/** A pitch as a timeline shows it. {@code queue} and {@code decidedAt} are null until it is decided. */
public record TimelinePitchRow(long pitchId, long receivedAt, String senderEmail, String subject, String queue, Long decidedAt) {
}
