package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Verdict;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A "no" once given stays a no until it expires or a manager lifts it. */
@PolicyInfo(name = "no_memory", description = "Declines senders (or organisations) already told no, until the no expires.")
public final class NoMemoryPolicy implements Policy {

    public static final String SIGNAL = "declined_before";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        return context.standingDecline(pitch.sender().email(), pitch.organisation())
                .map(no -> PolicyOutcome.decide(new Verdict(Queue.AUTO_DECLINE, SIGNAL,
                        (no.scope().equals("organisation") ? "organisation " : "sender ") + no.value()
                                + " declined on " + DAY.format(no.declinedAt()) + ", until " + DAY.format(no.expiresAt())
                                + " (pitch " + no.pitchId() + ")")))
                .orElse(PolicyOutcome.nothing());
    }
}
