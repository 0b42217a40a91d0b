package com.pitchgate.spi;

import java.util.List;
import java.util.Objects;

/**
 * A decisive outcome: the pitch goes to {@code queue} whatever the score says. When several
 * policies give a verdict, the first one in chain order wins.
 *
 * @param queue   where the pitch must go
 * @param signal  the name of the signal that decided, e.g. {@code declined_before}
 * @param detail  why, for a human
 * @param targets for {@link Queue#FORWARD}, the member ids (or {@code manager}) to forward to;
 *                empty to let the router choose by fit
 */
public record Verdict(Queue queue, String signal, String detail, List<String> targets) {
    public Verdict {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(signal, "signal");
        detail = detail == null ? "" : detail;
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public Verdict(Queue queue, String signal, String detail) {
        this(queue, signal, detail, List.of());
    }
}
