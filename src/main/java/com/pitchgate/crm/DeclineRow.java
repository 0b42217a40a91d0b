package com.pitchgate.crm;

/** The {@code declines} row: one "no", to a sender or to an organisation. */
public record DeclineRow(long id, String spaceId, String scope, String value, Long pitchId, long declinedAt,
        long expiresAt, Long liftedAt) {
}
