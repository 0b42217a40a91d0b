package com.pitchgate.crm;

import com.pitchgate.policy.builtin.NoMemoryPolicy;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which "no"s a decision gives: a pitch declined on its merits declines its sender and their
 * organisation (its mail domain, never a personal one; unless so configured) for the configured
 * time. Bulk and list mail gives none, and neither does a pitch without a sender's address. A pitch
 * declined only because a "no" already stood does not extend it: a "no" expires as announced.
 */
public final class DeclineMemory {

    private final Duration memory;
    private final boolean wholeOrganisation;

    public DeclineMemory(Duration memory, boolean wholeOrganisation) {
        this.memory = memory;
        this.wholeOrganisation = wholeOrganisation;
    }

    public List<NewDecline> declinesFor(Pitch pitch, Decision decision, Instant now) {
        if (decision.queue() != Queue.AUTO_DECLINE || decidedByStandingNo(decision) || isBulkOrList(pitch)) {
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

    /**
     * Bulk or list mail: a newsletter, a list digest, a promotional blast. Declining one says nothing
     * of what its sender may write later in person, so it records no "no". A message the categoriser
     * only leans to read so, without a list header, is a pitch declined on its merits.
     */
    static boolean isBulkOrList(Pitch pitch) {
        MessageKind kind = pitch.kind();
        if (kind.isSurely(MessageKind.BULK) || kind.isSurely(MessageKind.CORRESPONDENCE)) {
            return true;
        }
        if (pitch.header("List-Id").isPresent() || pitch.header("List-Unsubscribe").isPresent()
                || pitch.header("List-Post").isPresent()) {
            return true;
        }
        return pitch.header("Precedence").map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("bulk") || v.equals("list") || v.equals("junk")).isPresent();
    }

    private static boolean decidedByStandingNo(Decision decision) {
        return decision.reasons().stream().anyMatch(r -> r.decisive() && r.signal().equals(NoMemoryPolicy.SIGNAL));
    }
}
