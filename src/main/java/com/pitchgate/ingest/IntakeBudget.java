package com.pitchgate.ingest;

import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of incoming pitches may be in memory at once, over every channel (HTTP, SMTP, IMAP)
 * and recovery.
 * Screening a message takes a few times its size in heap (the raw bytes, their MIME parts decoded,
 * Tika's buffers), so sixteen 25 MiB messages at once would exhaust a heap that is ample for
 * thousands of ordinary ones; without a bound, the server would answer some with an
 * {@code OutOfMemoryError}, or fail elsewhere. A message waits for room, and is refused as "busy, try
 * again" (HTTP 503, SMTP 451) if none comes within the wait; nothing is stored half-read.
 *
 * <p>Counted in KiB by a fair semaphore, so that a large message is not overtaken for ever by small
 * ones. A hold never asks for more than the whole budget: a message larger than the budget still
 * passes, alone.
 */
public final class IntakeBudget {

    private static final int UNIT = 1024;
    /** The share of the JVM's maximum heap the budget takes by default: 48 MiB with -Xmx256m. */
    private static final int DEFAULT_HEAP_FRACTION = 5;

    private static final double MIB = 1024.0 * 1024;
    private static final long GROWTH_STEP = 64 * UNIT;

    private final Semaphore units;
    private final int totalUnits;
    private final long waitNanos;

    public IntakeBudget(long bytes, Duration wait) {
        if (bytes < UNIT) {
            throw new IllegalArgumentException("an intake budget of " + bytes + " bytes is below 1 KiB");
        }
        this.totalUnits = (int) Math.min(Integer.MAX_VALUE, bytes / UNIT);
        this.units = new Semaphore(totalUnits, true);
        this.waitNanos = wait.toNanos();
    }

    /** The budget for this JVM when none is configured: a fifth of its maximum heap. */
    public static long defaultBytes() {
        return Runtime.getRuntime().maxMemory() / DEFAULT_HEAP_FRACTION;
    }

    /** Room for {@code bytes} (0 for a message of unknown size, to be grown as it is read). */
    public Hold hold(long bytes) {
        Hold hold = new Hold();
        hold.growTo(bytes);
        return hold;
    }

    public long totalBytes() {
        return (long) totalUnits * UNIT;
    }

    /** Bytes held now, for the admin port's metrics. */
    public long heldBytes() {
        return (long) (totalUnits - units.availablePermits()) * UNIT;
    }

    private static int unitsFor(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT);
    }

    /** Room held for one message; closing gives it back. Used by one thread at a time. */
    public final class Hold implements AutoCloseable {
        private int held;
        private boolean closed;

        private Hold() {
        }

        /**
         * Holds room for {@code bytes} in all (no more than the whole budget), waiting for it if need be.
         *
         * @throws Exhausted if there is still no room when the wait is over; what was held stays held
         */
        public void growTo(long bytes) {
            if (closed) {
                throw new IllegalStateException("this hold was given back");
            }
            int wanted = Math.min(totalUnits, unitsFor(bytes));
            if (wanted <= held) {
                return;
            }
            int more = wanted - held;
            boolean granted;
            try {
                granted = units.tryAcquire(more, waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Exhausted("interrupted while waiting for room for " + bytes + " bytes");
            }
            if (!granted) {
                throw new Exhausted(String.format(Locale.ROOT, "the server is busy with %.1f MiB of messages"
                        + " (intake.maxBytesInFlight is %.1f MiB); no room came for %d bytes within %d ms",
                        heldBytes() / MIB, totalBytes() / MIB, bytes, Duration.ofNanos(waitNanos).toMillis()));
            }
            held = wanted;
        }

        /** Bytes this hold has room for. */
        public long bytes() {
            return (long) held * UNIT;
        }

        /**
         * The stream, holding room for what is read from it as it comes (half as much again as read
         * so far, so that a large message asks a few dozen times, not once per buffer); {@link Exhausted}
         * from {@code read} when there is none.
         */
        public InputStream reading(InputStream in) {
            return new CountingInputStream(in, read -> {
                if (read > bytes()) {
                    growTo(read + Math.max(GROWTH_STEP, read / 2));
                }
            });
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                units.release(held);
                held = 0;
            }
        }
    }

    /** No room came for a message within the wait: the sender should try again later. */
    public static final class Exhausted extends RuntimeException {
        Exhausted(String message) {
            super(message);
        }
    }
}
