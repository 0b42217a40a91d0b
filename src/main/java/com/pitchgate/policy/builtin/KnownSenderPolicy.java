package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Senders the space already deals with reach it; the block list never does. Block wins over allow,
 * and both match an address or a domain (with its subdomains).
 */
@PolicyInfo(name = "known_sender", description = "Forwards members, known contacts and allow-listed senders; declines block-listed ones.")
public final class KnownSenderPolicy implements Policy {

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        String email = pitch.sender().email();
        String domain = pitch.sender().domain();
        SpaceProfile space = context.space();
        Optional<String> blocked = listed(space.block(), email, domain);
        if (blocked.isPresent()) {
            return PolicyOutcome.decide(new Verdict(Queue.AUTO_DECLINE, "block_list", "sender matches block-list entry " + blocked.get()));
        }
        Optional<String> allowed = listed(space.allow(), email, domain);
        if (allowed.isPresent()) {
            return PolicyOutcome.decide(new Verdict(Queue.FORWARD, "allow_list", "sender matches allow-list entry " + allowed.get()));
        }
        Optional<ScreeningContext.KnownContact> known = context.contactByEmail(email);
        if (known.isPresent()) {
            ScreeningContext.KnownContact contact = known.get();
            String who = contact.kind().equals("member") ? "a member" : "a known contact";
            return PolicyOutcome.decide(new Verdict(Queue.FORWARD, "known_" + contact.kind(),
                    email + " is " + who + (contact.name().isBlank() ? "" : " (" + contact.name() + ")")));
        }
        return PolicyOutcome.nothing();
    }

    static Optional<String> listed(List<String> entries, String email, String domain) {
        for (String entry : entries) {
            boolean isAddress = entry.indexOf('@') > 0;
            String bareDomain = entry.startsWith("@") ? entry.substring(1) : entry;
            boolean matches = isAddress ? entry.equals(email)
                    : domain.equals(bareDomain) || domain.endsWith("." + bareDomain);
            if (matches) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
