package com.pitchgate.crm;

import com.pitchgate.route.Router;
import com.pitchgate.spi.Queue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's correction of a decision: the pitch changes queue, the correction is recorded with who,
 * when and why, and the CRM learns from it. Moving a pitch to {@code forward} makes its sender a
 * known contact and lifts any "no" they had; moving it to {@code auto_decline} gives them one.
 */
public final class OverrideService {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideService.class);

    private final Overrides overrides;
    private final Clock clock;
    private final Duration declineMemory;
    private final OverrideListener listener;

    public OverrideService(Overrides overrides, Clock clock, Duration declineMemory) {
        this(overrides, clock, declineMemory, OverrideListener.NONE);
    }

    /** @param listener told of each override that moved a pitch, after it is committed */
    public OverrideService(Overrides overrides, Clock clock, Duration declineMemory, OverrideListener listener) {
        this.overrides = overrides;
        this.clock = clock;
        this.declineMemory = declineMemory;
        this.listener = listener;
    }

    /** The outcome: the queue before and after; empty when the pitch has no decision yet. */
    public Optional<OverrideRow> override(long pitchId, Queue to, String actor, String note) {
        return override(pitchId, to, actor, note, Optional.empty());
    }

    /**
     * @param declineUntil for a move to {@code auto_decline}: until when the "no" stands, instead of
     *                     {@code routing.declineMemory} from now
     */
    public Optional<OverrideRow> override(long pitchId, Queue to, String actor, String note, Optional<Instant> declineUntil) {
        return override(pitchId, to, actor, note, declineUntil, List.of());
    }

    /**
     * @param targets for a move to {@code forward}: whom to forward to (member ids, or {@code manager});
     *                empty keeps the decision's targets, or the manager when it had none. Naming other
     *                targets for a pitch already in {@code forward} re-targets it.
     */
    public Optional<OverrideRow> override(long pitchId, Queue to, String actor, String note, Optional<Instant> declineUntil,
            List<String> targets) {
        Optional<OverrideRow> override = record(pitchId, to, actor, note, declineUntil, targets);
        override.filter(o -> !o.fromQueue().equals(o.toQueue())).ifPresent(this::tell);
        return override;
    }

    private void tell(OverrideRow override) {
        try {
            listener.overridden(override);
        } catch (RuntimeException e) {
            // The override is committed; what listens to it must not make it look failed.
            LOG.warn("the override of pitch {} was recorded, but telling {} failed", override.pitchId(), listener, e);
        }
    }

    private Optional<OverrideRow> record(long pitchId, Queue to, String actor, String note, Optional<Instant> declineUntil,
            List<String> chosenTargets) {
        return overrides.inTransaction(change -> {
            Optional<Overrides.Decided> current = change.decision(pitchId);
            Optional<Overrides.Sender> sender = change.sender(pitchId);
            if (current.isEmpty() || sender.isEmpty()) {
                return Optional.empty();
            }
            Overrides.Decided decision = current.get();
            Instant now = clock.instant();
            OverrideRow override = new OverrideRow(pitchId, decision.spaceId(), decision.queue(), to.id(), actor,
                    note == null || note.isBlank() ? null : note.strip(), now.toEpochMilli());
            List<String> before = decision.targets();
            boolean retarget = to == Queue.FORWARD && !chosenTargets.isEmpty() && !chosenTargets.equals(before);
            if (decision.queue().equals(to.id()) && !retarget) {
                return Optional.of(override);
            }
            List<String> targets = to != Queue.FORWARD ? List.of()
                    : !chosenTargets.isEmpty() ? List.copyOf(chosenTargets)
                    : Optional.of(before).filter(t -> !t.isEmpty()).orElse(List.of(Router.MANAGER));
            change.move(override, targets);
            String detail = (decision.queue().equals(to.id()) ? "forwarded to " + String.join(", ", targets)
                    : "moved from " + decision.queue() + " to " + to.id()) + " by " + actor
                    + (override.note() == null ? "" : ": " + override.note());
            change.addDecisiveReason(pitchId, "override", "manager_override", detail);
            learn(change, decision.spaceId(), sender.get(), to, now, pitchId,
                    declineUntil.orElse(now.plus(declineMemory)));
            return Optional.of(override);
        });
    }

    private static void learn(Overrides.Change change, String spaceId, Overrides.Sender sender, Queue to, Instant now,
            long pitchId, Instant declineUntil) {
        String email = sender.email();
        if (email == null || email.isBlank()) {
            // A pitch that named no sender: nobody to make known, or to say "no" to.
            return;
        }
        if (to == Queue.FORWARD) {
            change.makeKnown(spaceId, email, sender.name(), sender.organisation(), now.toEpochMilli());
        } else if (to == Queue.AUTO_DECLINE && !change.senderDeclined(spaceId, email, now.toEpochMilli())) {
            change.declineSender(spaceId, email, pitchId, now.toEpochMilli(), declineUntil.toEpochMilli());
        }
    }
}
