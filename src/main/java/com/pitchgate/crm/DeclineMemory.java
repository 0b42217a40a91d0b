package com.pitchgate.crm;

import com.pitchgate.policy.builtin.NoMemoryPolicy;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.NewDecline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which "no"s a decision gives: a pitch declined on its merits declines its sender (and, if so
 * configured, the sender's organisation) for the configured time. A pitch declined only because a
 * "no" already stood does not extend it: a "no" expires as announced. A pitch without a sender's
 * address gives no "no" to anyone.
 */
public final class DeclineMemory {

    private final Duration memory;
    private final boolean wholeOrganisation;

    public DeclineMemory(Duration memory, boolean wholeOrganisation) {
        this.memory = memory;
        this.wholeOrganisation = wholeOrganisation;
    }

    public List<NewDecline> declinesFor(Pitch pitch, Decision decision, Instant now) {
        if (decision.queue() != Queue.AUTO_DECLINE || decidedByStandingNo(decision)) {
            return List.of();
        }
        Instant until = now.plus(memory);
        List<NewDecline> declines = new ArrayList<>();
        // A "no" to "" would stand against every later message that names no sender either.
        if (pitch.sender().hasEmail()) {
            declines.add(new NewDecline("sender", pitch.sender().email(), now, until));
        }
        Optional<String> organisation = pitch.organisation().filter(o -> !o.isBlank());
        if (wholeOrganisation && organisation.isPresent()) {
            declines.add(new NewDecline("organisation", organisation.get(), now, until));
        }
        return declines;
    }

    private static boolean decidedByStandingNo(Decision decision) {
        return decision.reasons().stream().anyMatch(r -> r.decisive() && r.signal().equals(NoMemoryPolicy.SIGNAL));
    }
}
