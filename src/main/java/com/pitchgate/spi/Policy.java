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

    /**
     * The signals this policy may raise, each with its default weight and, as its detail, what it
     * means, as Rspamd's plugins declare their symbols at registration. They are listed by
     * {@code GET /api/policies}; {@code routing.weights} may change the weight of a declared signal
     * only, and the server refuses to start on any other name. Read after {@link #init}, so that a
     * policy whose signals come from its settings (the rules) can declare them. A policy that declares
     * none (an older plugin) may raise any name, and no weight can be configured for it.
     */
    default java.util.List<Signal> signals() {
        return java.util.List.of();
    }

    /** Reads the pitch and says what it sees. Never returns {@code null}. */
    PolicyOutcome evaluate(Pitch pitch, ScreeningContext context);

    /** Called once when the server stops; release files, threads, connections. */
    default void destroy() {
    }
}
