package com.pitchgate.policy.builtin;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network is the filter: a pitch from someone a member or known contact vouches for (a recorded
 * intro, to the person or their whole organisation), or that names a member or known contact as the
 * one who sent the sender, is forwarded. Naming someone unknown earns a little credit, no more.
 */
@PolicyInfo(name = "intro", description = "Forwards pitches that name a member or known contact as intermediary.")
public final class IntroPolicy implements Policy {

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        Optional<ScreeningContext.Introduction> vouched = context.introducerOf(pitch.sender().email(), pitch.organisation());
        if (vouched.isPresent()) {
            ScreeningContext.Introduction intro = vouched.get();
            String whom = intro.scope().equals("organisation") ? "the team at " + intro.value() : intro.value();
            return PolicyOutcome.decide(new Verdict(Queue.FORWARD, "known_through",
                    intro.introducer() + " (" + intro.introducerKind() + ") knows " + whom));
        }
        List<Signal> unknown = new ArrayList<>();
        for (String name : pitch.intermediaries()) {
            Optional<ScreeningContext.KnownContact> known = context.personByName(name);
            if (known.isPresent()) {
                ScreeningContext.KnownContact person = known.get();
                return PolicyOutcome.decide(new Verdict(Queue.FORWARD, "introduced_by",
                        "introduced by " + person.name() + " (" + person.kind() + "), named as \"" + name + "\""));
            }
            unknown.add(new Signal("unknown_intermediary", 0.5, "names " + name + " as intermediary, who is not known here"));
        }
        return PolicyOutcome.of(unknown.isEmpty() ? List.of() : List.of(unknown.get(0)));
    }
}
