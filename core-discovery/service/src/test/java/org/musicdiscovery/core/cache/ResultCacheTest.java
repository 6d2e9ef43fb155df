package org.musicdiscovery.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.db.TestNamespace;
import redis.clients.jedis.RedisClient;

/** The result cache's two tiers on the machine's real Redis (db 10): this replica's heap first, then Redis. */
class ResultCacheTest {
    static RedisClient redis;
    static final byte[] PAGE = "{\"items\":[],\"degraded\":[]}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void connect() {
        redis = RedisClient.create(URI.create(TestNamespace.redis(10)));
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @BeforeEach
    void empty() {
        redis.flushDB();
    }

    private ResultCache cache(int localMb) {
        var c = new ResultCache();
        c.redis = redis;
        c.json = new ObjectMapper();
        c.meters = meters;
        c.ttlSeconds = 60;
        c.enabled = true;
        c.localMb = localMb;
        c.localTtlSeconds = 60;
        c.buildLocal();
        return c;
    }

    private double localHits() {
        var c = meters.find("discovery.cache.local.hits").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aPageThisReplicaWroteIsAnsweredFromItsHeapWithoutRedis() {
        var cache = cache(8);
        cache.put("rp3:k1", PAGE);
        assertArrayEquals(PAGE, redis.get("rp3:k1".getBytes(StandardCharsets.UTF_8)), "written through to Redis");
        redis.flushDB(); // Redis no longer has it: only the heap copy can answer
        var hit = assertInstanceOf(ResultCache.Lookup.Hit.class, cache.get("rp3:k1"));
        assertArrayEquals(PAGE, hit.page());
        assertArrayEquals(PAGE, cache.getLocal("rp3:k1"));
        assertEquals(2, localHits());
        assertNull(cache.getLocal("rp3:other"));
    }

    @Test
    void aPageAnotherReplicaWroteIsReadFromRedisOnceThenHeld() {
        cache(8).put("rp3:k2", PAGE); // another replica: its own heap
        var here = cache(8);
        assertNull(here.getLocal("rp3:k2"));
        assertInstanceOf(ResultCache.Lookup.Hit.class, here.get("rp3:k2"));
        assertEquals(0, localHits(), "the first read went to Redis");
        redis.flushDB();
        assertInstanceOf(ResultCache.Lookup.Hit.class, here.get("rp3:k2"));
        assertEquals(1, localHits());
    }

    @Test
    void withTheHeapTierOffEveryLookupGoesToRedis() {
        var cache = cache(0);
        cache.put("rp3:k3", PAGE);
        assertInstanceOf(ResultCache.Lookup.Hit.class, cache.get("rp3:k3"));
        redis.flushDB();
        assertInstanceOf(ResultCache.Lookup.Miss.class, cache.get("rp3:k3"));
        assertNull(cache.getLocal("rp3:k3"));
        assertEquals(0, localHits());
    }

    @Test
    void theHeapTierHoldsAboutItsBoundInBytes() {
        var cache = cache(1);
        byte[] big = new byte[10_000];
        System.arraycopy(PAGE, 0, big, 0, PAGE.length - 1);
        for (int i = 0; i < 1_000; i++) { // 10 MB of pages through a 1 MB tier
            cache.put("rp3:big" + i, big);
        }
        redis.flushDB();
        int held = 0;
        for (int i = 0; i < 1_000; i++) {
            held += cache.getLocal("rp3:big" + i) == null ? 0 : 1;
        }
        assertTrue(held > 0 && held <= 105, held + " pages of 10 KB held in a 1 MB tier");
    }
}
