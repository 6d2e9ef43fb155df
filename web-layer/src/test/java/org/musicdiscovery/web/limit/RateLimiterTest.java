package org.musicdiscovery.web.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void theBurstIsServedThenOneTokenPerIntervalWithAnHonestRetryAfter() {
        var limiter = new RateLimiter();
        long t = 0;
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire("k", 60, 5, t).allowed(), "burst request " + i);
        }
        var refused = limiter.acquire("k", 60, 5, t);
        assertFalse(refused.allowed());
        assertEquals(1000, refused.retryAfterMillis(), 1, "60/min = one token a second");
        assertEquals(1, refused.retryAfterSeconds());
        assertFalse(limiter.acquire("k", 60, 5, t + SECOND / 2).allowed(), "half a token is not a request");
        assertTrue(limiter.acquire("k", 60, 5, t + SECOND).allowed(), "refilled after a second");
    }

    @Test
    void callersHaveSeparateBucketsAndSavingsAreCappedAtTheBurst() {
        var limiter = new RateLimiter();
        assertTrue(limiter.acquire("a", 3, 1, 0).allowed());
        assertFalse(limiter.acquire("a", 3, 1, 0).allowed());
        assertEquals(20, limiter.acquire("a", 3, 1, 0).retryAfterSeconds(), "3/min = one every 20 s");
        assertTrue(limiter.acquire("b", 3, 1, 0).allowed(), "another caller is unaffected");
        long hourLater = 3600 * SECOND;
        assertTrue(limiter.acquire("a", 3, 1, hourLater).allowed());
        assertFalse(limiter.acquire("a", 3, 1, hourLater).allowed(), "an idle hour saves no more than the burst");
    }

    @Test
    void remainingCountsDown() {
        var limiter = new RateLimiter();
        assertEquals(2, limiter.acquire("r", 600, 3, 0).remaining());
        assertEquals(1, limiter.acquire("r", 600, 3, 0).remaining());
        assertEquals(0, limiter.acquire("r", 600, 3, 0).remaining());
    }
}
