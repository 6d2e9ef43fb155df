package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes to the vector tier while clients search through the web layer: vector-search stopped and restarted
 * (answers go on, degraded, never a 5xx, and come back whole), and a new index version built and swapped in (not
 * one request fails or degrades).
 */
class UnderLoadSystemTest {
    static SystemStack stack;
    static String key;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
        key = stack.roomyKey("under load");
    }

    @Test
    void vectorSearchStoppedAndRestartedUnderLoadNeverFailsARequest() throws Exception {
        Load load = new Load(3);
        Thread.sleep(1_500);
        stack.vector.stop();
        Thread.sleep(2_500);
        stack.vector.start();
        long restarted = System.nanoTime();
        Thread.sleep(1_000);
        load.stop();
        load.assertNoFailures();
        assertTrue(load.degraded.get() > 0, "the outage showed as degraded answers: " + load);
        long ms = -1;
        for (int n = 0; n < 300 && ms < 0; n++) { // the circuit breaker half-opens after its delay
            String mix = (51 + n % 45) + "% funk " + (49 - n % 45) + "% soul"; // degraded answers are not cached
            if (!search(mix).json().path("degraded").toString().contains("vector")) {
                ms = (System.nanoTime() - restarted) / 1_000_000;
            } else {
                Thread.sleep(100);
            }
        }
        System.out.printf("under load: vector-search down and up, %s; whole answers %d ms after it was ready%n",
                load, ms);
        assertTrue(ms >= 0, "genre answers whole again within 30 s");
    }

    @Test
    void aNewIndexVersionSwapsInUnderLoadWithoutAFailedOrDegradedAnswer() throws Exception {
        String before = version();
        String cached = "blues with a pinch of soul";
        search(cached);
        assertEquals("hit", cacheState(search(cached)), "cached before the swap");
        Load load = new Load(3);
        Thread.sleep(1_000);
        stack.buildIndex();
        Http.postJson(stack.vector.url() + "/v1/admin/reload", "", Map.of("X-Internal-Token", SystemStack.TOKEN));
        String after = version();
        Thread.sleep(1_000);
        load.stop();
        load.assertNoFailures();
        assertEquals(0, load.degraded.get(), "no answer degraded by the swap: " + load);
        assertNotEquals(before, after, "a new version is served");
        Thread.sleep(1_100); // core re-reads the versions its cache keys name once a second (VersionSource)
        assertEquals("miss", cacheState(search(cached)), "a page of the old index is not served from the new one");
        assertEquals("hit", cacheState(search(cached)), "and the new page is cached in its turn");
        System.out.printf("under load: index swap %s -> %s, %s%n", before, after, load);
    }

    static Http.Answer search(String q) throws Exception {
        return Http.get(stack.web.url() + "/api/v1/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                Map.of("X-Api-Key", key));
    }

    static String cacheState(Http.Answer a) {
        assertEquals(200, a.status(), a.body());
        return a.json().path("cache").asText();
    }

    static String version() throws Exception {
        JsonNode list = Http.get(stack.vector.url() + "/v1/collections", Map.of("X-Internal-Token",
                SystemStack.TOKEN)).json();
        for (JsonNode c : list) {
            if (c.path("collection").asText().equals("genre")) {
                return c.path("version").asText();
            }
        }
        throw new AssertionError("no genre collection: " + list);
    }

    /** Clients sending genre mixes new to the result cache, until stopped; every answer is counted. */
    static final class Load {
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final AtomicInteger degraded = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final List<Thread> clients = new ArrayList<>();

        Load(int n) {
            for (int i = 0; i < n; i++) {
                Random r = new Random(i);
                clients.add(Thread.ofPlatform().start(() -> {
                    while (!stopping.get()) {
                        int w = 51 + r.nextInt(45);
                        String q = w + "% " + (r.nextBoolean() ? "soul " : "hip hop ") + (100 - w) + "% funk";
                        try {
                            Http.Answer a = search(q);
                            statuses.merge(a.status(), 1, Integer::sum);
                            if (a.status() != 200) {
                                failures.add(q + " -> " + a.status() + " " + a.body());
                            } else if (!a.json().path("degraded").isEmpty()) {
                                degraded.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.add(q + " -> " + e);
                        }
                    }
                }));
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            for (Thread t : clients) {
                t.join();
            }
        }

        void assertNoFailures() {
            assertTrue(failures.isEmpty(), failures.size() + " failed, first: "
                    + failures.subList(0, Math.min(5, failures.size())));
            assertTrue(statuses.getOrDefault(200, 0) > 50, "the load ran: " + statuses);
        }

        @Override
        public String toString() {
            return "answers " + statuses + ", degraded " + degraded.get();
        }
    }
}
