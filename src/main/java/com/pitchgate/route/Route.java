package com.pitchgate.route;

import com.pitchgate.policy.Reason;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import java.util.List;

/**
 * Where the router sends a pitch, and the reason that decides it: what the {@link Decision} is made
 * from, once every reason is in ({@link Reasons#decide}).
 *
 * @param decisive the verdict's reason, or the router's own (score, no evidence...)
 * @param verdict  whether a policy's verdict decided: its reason then comes first, before the signals
 */
public record Route(Queue queue, List<String> targets, double score, Pitch.Fit fit, Reason decisive, boolean verdict) {
    public Route {
        targets = List.copyOf(targets);
    }
}
