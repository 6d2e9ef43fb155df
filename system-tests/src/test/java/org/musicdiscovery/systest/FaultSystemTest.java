package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.db.TestNamespace;

/**
 * What core does when a store goes away, and how soon it comes back: a core of its own reaches PostgreSQL and Redis
 * through links the test cuts (the machine's servers keep running for everyone else). Redis down: answers go on
 * uncached, details from PostgreSQL. PostgreSQL down: genre search goes on, keyword search is degraded, not failed.
 * Recovery times are printed (the circuit breakers' delay is part of them).
 */
class FaultSystemTest {
    static final String TOKEN = SystemStack.TOKEN;
    static SystemStack stack;
    static CuttableLink postgres;
    static CuttableLink redis;
    static ServiceProcess core;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
        URI db = URI.create(SystemStack.DB_URL.substring("jdbc:".length()));
        URI cache = URI.create(TestNamespace.redis(SystemStack.REDIS_DB));
        postgres = new CuttableLink(db.getPort());
        redis = new CuttableLink(cache.getPort());
        core = stack.anotherCore("core-faults", Map.of(
                "DISCOVERY_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.port() + db.getPath(),
                "DISCOVERY_REDIS_URL", "redis://127.0.0.1:" + redis.port() + cache.getPath()));
        core.start();
    }

    @AfterAll
    static void down() throws Exception {
        core.stop();
        postgres.close();
        redis.close();
    }

    static Http.Answer discover(String q) throws Exception {
        return Http.postJson(core.url() + "/internal/v1/discover", "{\"q\":\"" + q
                + "\",\"type\":\"any\",\"limit\":5,\"offset\":0}", Map.of("X-Internal-Token", TOKEN));
    }

    @Test
    void withRedisDownAnswersGoOnUncachedAndTheCacheComesBack() throws Exception {
        redis.cut();
        try {
            for (String q : List.of("soul with a little funk", "adele", "funk with some soul")) {
                Http.Answer a = discover(q);
                assertEquals(200, a.status(), q + ": " + a.body());
                assertEquals("bypass", a.json().path("cache").asText(), q + ": " + a.body());
                var items = KeywordSearchSystemTest.items(a);
                assertFalse(items.isEmpty(), "details from PostgreSQL instead: " + a.body());
                assertFalse(items.getFirst().path("title").asText().isBlank(), a.body());
            }
        } finally {
            redis.restore();
        }
        long ms = recovery("soul with a little funk", a -> List.of("miss", "hit").contains(
                a.json().path("cache").asText()));
        System.out.printf("fault: Redis back, cache in use again after %d ms%n", ms);
        discover("funk with a little soul");
        assertEquals("hit", discover("funk with a little soul").json().path("cache").asText(), "and it fills");
    }

    @Test
    void withPostgresDownGenreSearchGoesOnAndKeywordSearchIsDegraded() throws Exception {
        postgres.cut();
        try {
            Http.Answer genre = discover("hip hop with a little soul");
            assertEquals(200, genre.status(), genre.body());
            assertTrue(genre.json().path("degraded").isEmpty(), "genre search needs no PostgreSQL: " + genre.body());
            assertFalse(KeywordSearchSystemTest.items(genre).isEmpty(), genre.body());
            Http.Answer keyword = discover("rolling in the deep");
            assertEquals(200, keyword.status(), keyword.body());
            assertTrue(keyword.json().path("degraded").toString().contains("keyword"), keyword.body());
        } finally {
            postgres.restore();
        }
        long ms = recovery("someone like you", a -> a.json().path("degraded").isEmpty()
                && !KeywordSearchSystemTest.items(a).isEmpty());
        System.out.printf("fault: PostgreSQL back, keyword search whole again after %d ms%n", ms);
    }

    /** Milliseconds until {@code q} is answered as {@code recovered} says (polled; at most 30 s). */
    static long recovery(String q, Predicate<Http.Answer> recovered) throws Exception {
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 30_000_000_000L) {
            // a new text each poll, so no cached answer (or cached degraded answer) stands in for a fresh one
            Http.Answer a = discover(q + (n++ == 0 ? "" : " " + "abcdefghijklmnopqrstuvwxyz".charAt(n % 26)));
            assertTrue(a.status() < 500, "never a 5xx while recovering: " + a.status() + " " + a.body());
            if (recovered.test(a)) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(q + ": not recovered within 30 s");
    }
}
