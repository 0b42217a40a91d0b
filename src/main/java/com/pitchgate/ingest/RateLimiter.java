package com.pitchgate.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key within a sliding window (a token bucket refilled evenly), so
 * one client address cannot flood the public form.
 */
public final class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final int limit;
    private final double refillPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.refillPerMilli = (double) limit / window.toMillis();
        this.clock = clock;
    }

    /** Takes one token for {@code key}; returns the wait before the next one, or zero if allowed now. */
    public Duration acquire(String key) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
        synchronized (bucket) {
            bucket.refill(now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / refillPerMilli));
        }
    }

    private final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now) {
            tokens = Math.min(limit, tokens + (now - updated) * refillPerMilli);
            updated = now;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= limit;
        }
    }
}
