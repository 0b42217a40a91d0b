package com.pitchgate.route;

import com.pitchgate.policy.Reason;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import java.util.List;

/**
 * The outcome of screening one pitch.
 *
 * @param targets for {@code forward}: member ids, or {@code manager}; empty otherwise
 * @param score   the sum of all signal weights
 */
public record Decision(Queue queue, List<String> targets, double score, Pitch.Fit fit, List<Reason> reasons) {
    public Decision {
        targets = List.copyOf(targets);
        reasons = List.copyOf(reasons);
    }
}
