package com.pitchgate.crm;

import java.time.Instant;

/**
 * A "no" to record.
 *
 * @param scope {@code sender} or {@code organisation}
 * @param value the address or organisation it is given to
 */
public record NewDecline(String scope, String value, Instant declinedAt, Instant expiresAt) {
}
