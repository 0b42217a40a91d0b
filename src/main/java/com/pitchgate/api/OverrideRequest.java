package com.pitchgate.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person's correction.
 *
 * @param queue        the queue the pitch should be in
 * @param note         why, for the record
 * @param declineUntil for {@code auto_decline}: until when the sender's "no" stands (YYYY-MM-DD);
 *                     {@code routing.declineMemory} from now when absent
 */
public record OverrideRequest(@NotNull(message = "queue is required") String queue, @Size(max = 2000) String note,
        String declineUntil) {
}
