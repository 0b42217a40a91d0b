package com.pitchgate.outbound;

import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
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

    public OutboundPlan plan(Space space, ExtractedPitch extracted, Pitch pitch, Decision decision, byte[] raw,
            ReplyHistory history, Instant now) {
        if (!config.enabled) {
            return OutboundPlan.NOTHING;
        }
        List<OutboundMessage> messages = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        if (decision.queue() == Queue.FORWARD && config.forward) {
            List<String> recipients = recipients(space, decision.targets());
            messages.add(new OutboundMessage("forward", recipients, Optional.empty(),
                    composer.forward(space, pitch, decision, recipients, raw)));
        }
        boolean replyWanted = (decision.queue() == Queue.REQUIRES_INTRO && config.replyRequiresIntro)
                || (decision.queue() == Queue.AUTO_DECLINE && config.replyAutoDecline);
        if (replyWanted) {
            Optional<String> withheld = withhold(space, extracted, pitch, history, now);
            if (withheld.isPresent()) {
                notes.add(new Reason("outbound", "reply_withheld", 0, "no reply: " + withheld.get(), false));
            } else {
                messages.add(new OutboundMessage("reply", List.of(pitch.sender().email()),
                        Optional.of(pitch.sender().email()), composer.reply(space, pitch, decision.queue(),
                                extracted.messageId(), pitch.header("References"))));
            }
        }
        return new OutboundPlan(messages, notes);
    }

    /**
     * The decline reply a person asked for when declining a pitch by hand (the review page's "decline
     * and reply"), under the same guards as automatic replies, or why it is held back. Nothing when outbound mail is off.
     */
    public ManualReply declineReply(Space space, ExtractedPitch extracted, Pitch pitch, ReplyHistory history, Instant now) {
        if (!config.enabled) {
            return new ManualReply(Optional.empty(), Optional.of("outbound mail is off"));
        }
        Optional<String> withheld = withhold(space, extracted, pitch, history, now);
        if (withheld.isPresent()) {
            return new ManualReply(Optional.empty(), withheld);
        }
        return new ManualReply(Optional.of(new OutboundMessage("reply", List.of(pitch.sender().email()),
                Optional.of(pitch.sender().email()), composer.reply(space, pitch, Queue.AUTO_DECLINE,
                        extracted.messageId(), pitch.header("References")))), Optional.empty());
    }

    /**
     * Why no reply may go to this pitch's sender, or empty when one may: first a sender in doubt
     * (none, several, or one read from elsewhere than From), then {@link ReplyGuards}.
     */
    private Optional<String> withhold(Space space, ExtractedPitch extracted, Pitch pitch, ReplyHistory history, Instant now) {
        Optional<String> doubt = extracted.senderInDoubt().map(odd -> "the sender is in doubt (" + odd.detail() + ")");
        if (doubt.isPresent()) {
            return doubt;
        }
        Instant since = now.minus(Duration.ofMillis(config.replyCoolDown.toMilliseconds()));
        boolean answered = history.repliedSince(space.id(), pitch.sender().email(), since);
        return ReplyGuards.withhold(pitch, config.replyToForms, answered);
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
