package com.pitchgate.store;

/** The {@code organisations} row, with how many contacts belong to it. */
public record OrganisationRow(long id, String spaceId, String domain, String name, long createdAt, long contacts) {
}
