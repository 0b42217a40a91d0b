package com.pitchgate.store;

/** A pitch as first stored: its raw bytes, before any processing. */
public record StoredPitch(
        long id,
        String spaceId,
        String channel,
        byte[] raw,
        String contentHash,
        String messageId,
        long receivedAt,
        String state,
        int attempts) {
}
