package com.pitchgate.route;

import com.pitchgate.policy.ChainOutcome;
import com.pitchgate.policy.Reason;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns what the policies said into exactly one queue. A verdict decides; otherwise the score is
 * compared with the thresholds. With no evidence at all, or none against a message, a person looks:
 * declining a genuine inquiry is the worst error, so nothing is declined without a reason, and an
 * intro is asked only of what reads as a pitch.
 */
public final class Router {

    public static final String MANAGER = "manager";
    /** The name reasons give for a decision the router made from the score. */
    public static final String POLICY = "router";

    private final RoutingConfig config;

    public Router(RoutingConfig config) {
        this.config = config;
    }

    /** The decision on what the policies said, and nothing else to add: see {@link #choose} and {@link Reasons}. */
    public Decision route(Pitch pitch, SpaceProfile space, ChainOutcome outcome) {
        return new Reasons().signals(outcome.signals()).decide(choose(pitch, space, outcome));
    }

    /** Where the pitch goes, and the reason that decides it; the decision is made once every reason is in. */
    public Route choose(Pitch pitch, SpaceProfile space, ChainOutcome outcome) {
        List<Reason> reasons = outcome.signals();
        double score = Math.round(outcome.score() * 100) / 100.0;
        Queue queue;
        Reason decisive;
        List<String> verdictTargets = List.of();
        if (outcome.verdict().isPresent()) {
            ChainOutcome.DecidingVerdict deciding = outcome.verdict().get();
            Verdict verdict = deciding.verdict();
            queue = verdict.queue();
            verdictTargets = verdict.targets();
            decisive = new Reason(deciding.policy(), verdict.signal(), 0, verdict.detail(), true);
        } else if (reasons.stream().allMatch(r -> r.weight() == 0)) {
            queue = Queue.FORWARD;
            decisive = new Reason(POLICY, "no_evidence", 0, "no policy found anything to go on: a person should look", true);
        } else if (score >= config.getForwardAt()) {
            queue = Queue.FORWARD;
            decisive = new Reason(POLICY, "score", score, "score " + score + " ≥ forward threshold " + config.getForwardAt(), true);
        } else if (score <= config.getDeclineAt()) {
            queue = Queue.AUTO_DECLINE;
            decisive = new Reason(POLICY, "score", score, "score " + score + " ≤ decline threshold " + config.getDeclineAt(), true);
        } else if (reasons.stream().allMatch(r -> r.weight() >= 0)) {
            // An intro is asked of a cold pitch; nothing here says this one sells anything.
            queue = Queue.FORWARD;
            decisive = new Reason(POLICY, "nothing_against", score, "score " + score + " below the forward threshold "
                    + config.getForwardAt() + ", but nothing says it is a pitch: a person should look", true);
        } else {
            queue = Queue.REQUIRES_INTRO;
            decisive = new Reason(POLICY, "score", score, "score " + score + " between decline threshold "
                    + config.getDeclineAt() + " and forward threshold " + config.getForwardAt(), true);
        }
        List<String> targets = queue != Queue.FORWARD ? List.of()
                : verdictTargets.isEmpty() ? targets(pitch, space) : verdictTargets;
        return new Route(queue, targets, score, pitch.fit(), decisive, outcome.verdict().isPresent());
    }

    /**
     * The members whose profile fits: first those open to this kind of offer, then those whose
     * skills or interests it matches, each above the member fit threshold; the manager when none.
     */
    List<String> targets(Pitch pitch, SpaceProfile space) {
        Pitch.Fit fit = pitch.fit();
        Map<String, Double> memberFit = fit.members();
        List<String> open = new ArrayList<>();
        List<String> close = new ArrayList<>();
        for (SpaceProfile.MemberProfile member : space.members()) {
            String id = member.id();
            if (!fit.matched(id + ".openTo").isEmpty()) {
                open.add(id);
            } else if (memberFit.getOrDefault(id, 0.0) >= config.getMemberFitThreshold()
                    && (!fit.matched(id + ".skills").isEmpty() || !fit.matched(id + ".interests").isEmpty())) {
                close.add(id);
            }
        }
        Comparator<String> byFit = Comparator.comparingDouble((String id) -> memberFit.getOrDefault(id, 0.0)).reversed();
        open.sort(byFit);
        close.sort(byFit);
        List<String> targets = new ArrayList<>(open.isEmpty() ? close : open);
        return targets.isEmpty() ? List.of(MANAGER) : targets;
    }
}
