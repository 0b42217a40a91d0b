package com.pitchgate.spi;

import java.util.Arrays;
import java.util.Optional;

/** The three places a pitch can end in. */
public enum Queue {
    /** Relevant, or introduced by someone known: it reaches a person now. */
    FORWARD("forward"),
    /** A cold pitch that could fit: the sender is asked to come through a mutual contact. */
    REQUIRES_INTRO("requires_intro"),
    /** No fit, mass prospecting, or a sender already told "no". */
    AUTO_DECLINE("auto_decline");

    private final String id;

    Queue(String id) {
        this.id = id;
    }

    /** The name used in the HTTP API and in {@code config.yml}. */
    public String id() {
        return id;
    }

    public static Optional<Queue> fromId(String id) {
        return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
