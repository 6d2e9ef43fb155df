package org.musicdiscovery.web.limit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets, one per caller (an API key or an anonymous client address): {@code perMinute} tokens a minute,
 * up to {@code burst} saved. In memory, per gateway instance: with N instances behind a balancer a caller gets up
 * to N times the limit, which is what a cheap, never-failing limiter buys. Idle buckets are swept.
 */
@ApplicationScoped
public class RateLimiter {
    static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    private static final int SWEEP_EVERY = 10_000;

    /** The outcome of one request: allowed, or how long until the next token. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterMillis) {
        /** Whole seconds, never 0, for the Retry-After header. */
        public int retryAfterSeconds() {
            return (int) Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public Decision acquire(String caller, int perMinute, int burst) {
        return acquire(caller, perMinute, burst, System.nanoTime());
    }

    Decision acquire(String caller, int perMinute, int burst, long now) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
        }
        return buckets.computeIfAbsent(caller, k -> new Bucket(burst, now)).take(perMinute, burst, now);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int burst, long now) {
            tokens = burst;
            updated = now;
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }

        synchronized Decision take(int perMinute, int burst, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(burst, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, perMinute, (int) tokens, 0);
            }
            long wait = (long) Math.ceil((1 - tokens) / perNano / 1_000_000);
            return new Decision(false, perMinute, 0, wait);
        }
    }
}
