package com.pitchgate.route;

import com.pitchgate.policy.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons of one pitch's decision as the stages give them (issue 24): the policies' signals, what
 * extraction could not read and the odd headers it met, then, once routed, notes on what was done
 * (a reply held back). The {@link Decision} is made from them once, by {@link #decide}.
 */
public final class Reasons {

    private final List<Reason> signals = new ArrayList<>();
    private final List<Reason> notes = new ArrayList<>();
    private boolean decided;

    /** A reason the router weighs (a weightless one, such as an odd header, is for the reader only). */
    public Reasons signal(Reason reason) {
        checkOpen();
        signals.add(reason);
        return this;
    }

    public Reasons signals(List<Reason> reasons) {
        reasons.forEach(this::signal);
        return this;
    }

    /** A note on what was done once routed, such as a reply held back: after every other reason. */
    public Reasons note(Reason reason) {
        checkOpen();
        notes.add(reason);
        return this;
    }

    public Reasons notes(List<Reason> reasons) {
        reasons.forEach(this::note);
        return this;
    }

    /** The signals so far, in order: what the router sums. */
    public List<Reason> signals() {
        return List.copyOf(signals);
    }

    /**
     * The decision, made once: a verdict's reason first, then the signals, the router's own reason
     * after the signals it sums, and the notes last.
     */
    public Decision decide(Route route) {
        checkOpen();
        decided = true;
        List<Reason> all = new ArrayList<>(signals.size() + notes.size() + 1);
        if (route.verdict()) {
            all.add(route.decisive());
            all.addAll(signals);
        } else {
            all.addAll(signals);
            all.add(route.decisive());
        }
        all.addAll(notes);
        return new Decision(route.queue(), route.targets(), route.score(), route.fit(), all);
    }

    private void checkOpen() {
        if (decided) {
            throw new IllegalStateException("the decision is made already: a reason given now would be lost");
        }
    }
}
