package com.pitchgate.screen;

import com.pitchgate.crm.CrmContext;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.CrmRecorder;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.ingest.Envelope;
import com.pitchgate.ingest.ReceivedPitches;
import com.pitchgate.outbound.OutboundPlan;
import com.pitchgate.outbound.OutboundPlanner;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.route.Router;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.store.ScreenedPitch;
import com.pitchgate.store.StoredPitch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens one stored pitch with the {@link Screener}, plans the mail it calls for, and stores the decision.
 * Whatever fails, a pitch is never dropped: unreadable content still gets a decision, and a pitch
 * whose processing keeps failing is forwarded to a person after the last attempt.
 */
public final class PitchProcessor implements ReceivedPitches {

    private static final Logger LOG = LoggerFactory.getLogger(PitchProcessor.class);

    private final PitchStore store;
    private final SpaceDirectory spaces;
    private final Screener screener;
    private final CrmRecorder crmRecorder;
    private final OutboundPlanner outbound;
    private final CrmMemory crm;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;

    public PitchProcessor(PitchStore store, SpaceDirectory spaces, Screener screener, CrmRecorder crmRecorder,
            OutboundPlanner outbound, CrmMemory crm, Clock clock, Duration lease, int maxAttempts) {
        this.store = store;
        this.spaces = spaces;
        this.screener = screener;
        this.crmRecorder = crmRecorder;
        this.outbound = outbound;
        this.crm = crm;
        this.clock = clock;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Screens the pitch if nobody else holds it. Returns the decision, or empty when the pitch was
     * already decided, is held by another processor, or failed this attempt (it stays stored and
     * recovery tries again).
     */
    public Optional<Decision> process(long pitchId) {
        return claimAndScreen(pitchId).map(ScreenedPitch::decision);
    }

    /**
     * Screens what an intake has just received: the new pitch it stored claimed for this processor,
     * screened from its envelope (space and headers as intake resolved and parsed them), or an
     * earlier copy that is not decided yet, read from the store (its bytes may differ from these).
     * Returns what was decided and stored; empty when the pitch was decided before, is held by
     * another processor, or failed this attempt.
     */
    @Override
    public Optional<ScreenedPitch> processReceived(StoreReceipt receipt, Envelope envelope) {
        if (receipt.claimed().isPresent()) {
            return screenClaimed(receipt.claimed().get(), Optional.of(envelope));
        }
        if ("decided".equals(receipt.state())) {
            return Optional.empty();
        }
        return claimAndScreen(receipt.id());
    }

    private Optional<ScreenedPitch> claimAndScreen(long pitchId) {
        return store.claim(pitchId, clock.instant(), lease).flatMap(stored -> screenClaimed(stored, Optional.empty()));
    }

    /**
     * Screens a pitch this processor has claimed (see {@link PitchStore#claimUndecided}). Returns
     * empty when this attempt failed, or when the claim's lease ran out and another processor
     * took the pitch over: then that processor's decision is the one kept.
     */
    public Optional<Decision> processClaimed(StoredPitch stored) {
        return screenClaimed(stored, Optional.empty()).map(ScreenedPitch::decision);
    }

    /** @param received the envelope intake just made of this pitch; empty when it is read back from the store (recovery) */
    private Optional<ScreenedPitch> screenClaimed(StoredPitch stored, Optional<Envelope> received) {
        long pitchId = stored.id();
        try {
            ScreenedPitch screened = screen(stored, received);
            return saved(screened) ? Optional.of(screened) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("screening pitch {} failed (attempt {} of {})", pitchId, stored.attempts(), maxAttempts, e);
            if (stored.attempts() >= maxAttempts) {
                try {
                    return decideAfterFailures(stored, received, e);
                } catch (RuntimeException fallbackError) {
                    LOG.error("pitch {} could not even be forwarded as failed; it stays stored", pitchId, fallbackError);
                }
            }
            store.release(pitchId, stored.attempts(), e.toString());
            return Optional.empty();
        }
    }

    private boolean saved(ScreenedPitch screened) {
        if (store.saveScreened(screened)) {
            return true;
        }
        LOG.warn("pitch {} was taken over by another processor after the lease of attempt {} ran out ({}):"
                + " its decision is kept, this one dropped", screened.pitchId(), screened.attempt(), lease);
        return false;
    }

    private ScreenedPitch screen(StoredPitch stored, Optional<Envelope> received) {
        Space space = space(stored, received);
        // Recovery reads the stored raw message: one header parse for that attempt.
        Screener.Read read = received.isPresent() ? screener.read(stored.id(), received.get())
                : screener.read(stored.id(), stored.raw(), stored.channel(), space.profile());
        Instant now = clock.instant();
        Screener.Routed routed = screener.decide(read, new CrmContext(space.profile(), crm, now));
        ExtractedPitch extracted = routed.extracted();
        Pitch pitch = routed.pitch();
        OutboundPlan plan = outbound.plan(space, extracted, pitch, routed.route(), store::repliedSince, now);
        // The one place the decision is made: every reason is in, the plan's notes last.
        Decision decision = routed.decide(plan.notes());
        return new ScreenedPitch(stored.id(), stored.attempts(), space.id(), extracted, pitch, decision,
                crmRecorder.entriesFor(pitch, extracted.company(), decision, now),
                outbound.messages(plan, space, pitch, decision, stored.raw()), now);
    }

    /** The last resort: a pitch whose screening keeps failing goes to a person, with the error. */
    private Optional<ScreenedPitch> decideAfterFailures(StoredPitch stored, Optional<Envelope> received,
            RuntimeException error) {
        Space space = space(stored, received);
        ExtractedPitch extracted = ExtractedPitch.unreadable(stored.channel(), "screening failed " + stored.attempts() + " times: " + error);
        Pitch pitch = new Pitch(stored.id(), stored.channel(), extracted.sender(), Optional.empty(), Optional.empty(), "",
                "", List.of(), "und", Map.of(), Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
        Decision decision = new Decision(Queue.FORWARD, List.of(Router.MANAGER), 0, Pitch.Fit.NONE, List.of(
                new Reason("screen", "processing_failed", 0, extracted.problems().get(0) + ": a person should look", true)));
        Instant now = clock.instant();
        ScreenedPitch screened = new ScreenedPitch(stored.id(), stored.attempts(), space.id(), extracted, pitch, decision,
                crmRecorder.entriesFor(pitch, extracted.company(), decision, now), List.of(), now);
        return saved(screened) ? Optional.of(screened) : Optional.empty();
    }

    /** The envelope's space, resolved at intake; for a pitch read back from the store, its space looked up by id. */
    private Space space(StoredPitch stored, Optional<Envelope> received) {
        if (received.isPresent()) {
            return received.get().space();
        }
        return spaces.find(stored.spaceId()).orElseThrow(() -> new IllegalStateException(
                "pitch " + stored.id() + " belongs to space '" + stored.spaceId() + "', which is no longer configured"));
    }

}
