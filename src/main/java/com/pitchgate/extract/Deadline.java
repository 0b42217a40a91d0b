package com.pitchgate.extract;

import java.time.Duration;

/** The end of one pitch's extraction time budget, shared by all its parts. */
public record Deadline(long endNanos) {

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    public boolean passed() {
        return remainingNanos() <= 0;
    }
}
