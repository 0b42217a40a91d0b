package com.pitchgate.outbound;

import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.route.Route;
import com.pitchgate.route.Router;
import com.pitchgate.space.Space;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to send once a pitch is decided: a forward to its targets, a reply to its sender,
 * or nothing, under the guards of {@link ReplyGuards}. A reply held back is noted as a reason.
 */
public final class OutboundPlanner {

    /** Whether the space has replied to this sender since the given time. */
    public interface ReplyHistory {
        boolean repliedSince(String spaceId, String sender, Instant since);
    }

    private final OutboundConfig config;
    private final MessageComposer composer = new MessageComposer();

    public OutboundPlanner(OutboundConfig config) {
        this.config = config;
    }

    /**
     * What to send once the pitch is routed: a forward to its targets, a reply to its sender, or
     * nothing; a reply held back becomes a note for the decision's reasons.
     */
    public OutboundPlan plan(Space space, ExtractedPitch extracted, Pitch pitch, Route route, ReplyHistory history,
            Instant now) {
        if (!config.enabled) {
            return OutboundPlan.NOTHING;
        }
        boolean forward = route.queue() == Queue.FORWARD && config.forward;
        boolean replyWanted = (route.queue() == Queue.REQUIRES_INTRO && config.replyRequiresIntro)
                || (route.queue() == Queue.AUTO_DECLINE && config.replyAutoDecline);
        if (!replyWanted) {
            return new OutboundPlan(forward, Optional.empty(), List.of());
        }
        ReplyFacts facts = ReplyFacts.of(extracted, pitch);
        Optional<String> withheld = withhold(space, facts, history, now);
        if (withheld.isPresent()) {
            return new OutboundPlan(forward, Optional.empty(),
                    List.of(new Reason("outbound", "reply_withheld", 0, "no reply: " + withheld.get(), false)));
        }
        return new OutboundPlan(forward, Optional.of(facts), List.of());
    }

    /** The messages of a plan, written from the decision made with its notes. */
    public List<OutboundMessage> messages(OutboundPlan plan, Space space, Pitch pitch, Decision decision, byte[] raw) {
        List<OutboundMessage> messages = new ArrayList<>();
        if (plan.forward()) {
            List<String> recipients = recipients(space, decision.targets());
            messages.add(new OutboundMessage("forward", recipients, Optional.empty(),
                    composer.forward(space, pitch, decision, recipients, raw)));
        }
        plan.reply().ifPresent(facts -> messages.add(reply(space, pitch.id(), facts, decision.queue())));
        return messages;
    }

    /**
     * The decline reply a person asked for when declining a pitch by hand (the review page's "decline
     * and reply"), from the facts stored with the pitch, under the same guards as automatic replies,
     * or why it is held back. Nothing when outbound mail is off.
     */
    public ManualReply declineReply(Space space, long pitchId, ReplyFacts facts, ReplyHistory history, Instant now) {
        if (!config.enabled) {
            return new ManualReply(Optional.empty(), Optional.of("outbound mail is off"));
        }
        Optional<String> withheld = withhold(space, facts, history, now);
        if (withheld.isPresent()) {
            return new ManualReply(Optional.empty(), withheld);
        }
        return new ManualReply(Optional.of(reply(space, pitchId, facts, Queue.AUTO_DECLINE)), Optional.empty());
    }

    private OutboundMessage reply(Space space, long pitchId, ReplyFacts facts, Queue queue) {
        return new OutboundMessage("reply", List.of(facts.sender().email()), Optional.of(facts.sender().email()),
                composer.reply(space, pitchId, facts, queue));
    }

    /**
     * Why no reply may go to this pitch's sender, or empty when one may: first a sender in doubt
     * (none, several, or one read from elsewhere than From), then {@link ReplyGuards}.
     */
    private Optional<String> withhold(Space space, ReplyFacts facts, ReplyHistory history, Instant now) {
        Optional<String> doubt = facts.senderDoubt().map(detail -> "the sender is in doubt (" + detail + ")");
        if (doubt.isPresent()) {
            return doubt;
        }
        Instant since = now.minus(Duration.ofMillis(config.replyCoolDown.toMilliseconds()));
        boolean answered = history.repliedSince(space.id(), facts.sender().email(), since);
        return ReplyGuards.withhold(facts, config.replyToForms, answered);
    }

    /** A reply to send, or why none is sent. */
    public record ManualReply(Optional<OutboundMessage> message, Optional<String> withheld) {
    }

    /** Member ids become their addresses; {@code manager}, or no known member, the manager's. */
    static List<String> recipients(Space space, List<String> targets) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String target : targets) {
            if (target.equals(Router.MANAGER)) {
                addresses.add(space.manager().email());
            } else {
                space.profile().member(target).ifPresent(member -> addresses.add(member.email()));
            }
        }
        if (addresses.isEmpty()) {
            addresses.add(space.manager().email());
        }
        return List.copyOf(addresses);
    }
}
