package com.pitchgate.screen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.analyze.Analyzer;
import com.pitchgate.crm.CrmContext;
import com.pitchgate.crm.DeclineMemory;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.FormExtractor;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.ingest.FormSubmission;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.outbound.OutboundPlan;
import com.pitchgate.outbound.OutboundPlanner;
import com.pitchgate.policy.ChainOutcome;
import com.pitchgate.policy.PolicyChain;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.route.Router;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.ScreenedPitch;
import com.pitchgate.store.StoredPitch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens one stored pitch: extract, analyse, run the policies, route, and store the decision.
 * Whatever fails, a pitch is never dropped: unreadable content still gets a decision, and a pitch
 * whose processing keeps failing is forwarded to a person after the last attempt.
 */
public final class PitchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(PitchProcessor.class);

    private final PitchStore store;
    private final SpaceDirectory spaces;
    private final MailExtractor mail;
    private final FormExtractor forms;
    private final Analyzer analyzer;
    private final PolicyChain chain;
    private final Router router;
    private final DeclineMemory declineMemory;
    private final OutboundPlanner outbound;
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;

    public PitchProcessor(PitchStore store, SpaceDirectory spaces, MailExtractor mail, FormExtractor forms,
            Analyzer analyzer, PolicyChain chain, Router router, DeclineMemory declineMemory, OutboundPlanner outbound,
            Jdbi jdbi, ObjectMapper json, Clock clock, Duration lease, int maxAttempts) {
        this.store = store;
        this.spaces = spaces;
        this.mail = mail;
        this.forms = forms;
        this.analyzer = analyzer;
        this.chain = chain;
        this.router = router;
        this.declineMemory = declineMemory;
        this.outbound = outbound;
        this.jdbi = jdbi;
        this.json = json;
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
        return store.claim(pitchId, clock.instant(), lease).flatMap(this::processClaimed);
    }

    /**
     * Screens a pitch this processor has claimed (see {@link PitchStore#claimUndecided}). Returns
     * empty when this attempt failed, or when the claim's lease ran out and another processor
     * took the pitch over: then that processor's decision is the one kept.
     */
    public Optional<Decision> processClaimed(StoredPitch stored) {
        long pitchId = stored.id();
        try {
            ScreenedPitch screened = screen(stored);
            return saved(screened) ? Optional.of(screened.decision()) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("screening pitch {} failed (attempt {} of {})", pitchId, stored.attempts(), maxAttempts, e);
            if (stored.attempts() >= maxAttempts) {
                try {
                    return decideAfterFailures(stored, e);
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

    private ScreenedPitch screen(StoredPitch stored) {
        Space space = space(stored);
        ExtractedPitch extracted = extract(stored);
        Pitch pitch = analyzer.analyze(stored.id(), extracted, space.profile());
        Instant now = clock.instant();
        ChainOutcome outcome = chain.evaluate(pitch, new CrmContext(space.profile(), jdbi, now));
        List<Reason> problems = extracted.problems().stream()
                .map(problem -> new Reason("extract", "unreadable", 0, problem, false)).toList();
        ChainOutcome withProblems = new ChainOutcome(concat(outcome.signals(), problems), outcome.verdict());
        Decision routed = router.route(pitch, space.profile(), withProblems);
        OutboundPlan plan = outbound.plan(space, extracted, pitch, routed, stored.raw(), store::repliedSince, now);
        Decision decision = new Decision(routed.queue(), routed.targets(), routed.score(), routed.fit(),
                concat(routed.reasons(), plan.notes()));
        return new ScreenedPitch(stored.id(), stored.attempts(), space.id(), extracted, pitch, decision,
                declineMemory.declinesFor(pitch, decision, now), plan.messages(), now);
    }

    private ExtractedPitch extract(StoredPitch stored) {
        try {
            if (IntakeService.FORM.equals(stored.channel())) {
                return forms.extract(json.readValue(stored.raw(), FormSubmission.class));
            }
            return mail.extract(stored.raw());
        } catch (Exception e) {
            LOG.warn("pitch {} could not be read", stored.id(), e);
            return unreadable(stored.channel(), "the pitch could not be read: " + e.getMessage());
        }
    }

    /** The last resort: a pitch whose screening keeps failing goes to a person, with the error. */
    private Optional<Decision> decideAfterFailures(StoredPitch stored, RuntimeException error) {
        Space space = space(stored);
        ExtractedPitch extracted = unreadable(stored.channel(), "screening failed " + stored.attempts() + " times: " + error);
        Pitch pitch = new Pitch(stored.id(), stored.channel(), extracted.sender(), Optional.empty(), Optional.empty(), "",
                "", List.of(), "und", Map.of(), Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
        Decision decision = new Decision(Queue.FORWARD, List.of(Router.MANAGER), 0, Pitch.Fit.NONE, List.of(
                new Reason("screen", "processing_failed", 0, extracted.problems().get(0) + ": a person should look", true)));
        ScreenedPitch screened = new ScreenedPitch(stored.id(), stored.attempts(), space.id(), extracted, pitch, decision,
                List.of(), List.of(), clock.instant());
        return saved(screened) ? Optional.of(decision) : Optional.empty();
    }

    private Space space(StoredPitch stored) {
        return spaces.find(stored.spaceId()).orElseThrow(() -> new IllegalStateException(
                "pitch " + stored.id() + " belongs to space '" + stored.spaceId() + "', which is no longer configured"));
    }

    private static ExtractedPitch unreadable(String channel, String problem) {
        return new ExtractedPitch(channel, new Pitch.Address("unknown@invalid", "", "invalid"), Optional.empty(),
                Optional.empty(), "", Optional.empty(), "", List.of(), Map.of(), Set.of(), List.of(problem));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
