package com.pitchgate.store;

/**
 * A pitch claimed for screening, before its raw message is read: its size lets the reader hold room
 * for it first (see {@link com.pitchgate.ingest.IntakeBudget}).
 */
public record ClaimedPitch(long id, int attempts, long rawBytes) {
}
