package com.pitchgate.spi;

/**
 * A routing policy: reads an analysed pitch and its context, and adds signals or a verdict.
 *
 * <p>Implementations must be thread-safe: {@link #evaluate} is called concurrently. They must not
 * keep a reference to a {@link Pitch} or {@link ScreeningContext} after returning, and should
 * return quickly: the server enforces a time budget per policy. An exception thrown from
 * {@link #evaluate} is recorded as a reason and does not stop the pitch from being decided.
 */
public interface Policy {

    /** Called once, before the first {@link #evaluate}, with this policy's settings block. */
    default void init(PolicyConfig config) throws PolicyException {
    }

    /** Reads the pitch and says what it sees. Never returns {@code null}. */
    PolicyOutcome evaluate(Pitch pitch, ScreeningContext context);

    /** Called once when the server stops; release files, threads, connections. */
    default void destroy() {
    }
}
