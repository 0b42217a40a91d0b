package com.pitchgate.store;

/** The {@code leases} row: who holds a named lease, until when (epoch milliseconds). */
public record LeaseRow(String name, String owner, long expiresAt) {
}
