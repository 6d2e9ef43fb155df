package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Genre-fluid search end to end: web-layer → core (parse, cache, aggregate, score, filter, populate) →
 * vector-search over the fixture's real index files → details from Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenreSearchSystemTest {
    static SystemStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
    }

    static Http.Answer search(String q) throws Exception {
        return Http.get(stack.web.url() + "/api/v1/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    /** A request straight to core's internal API, with the internal token. */
    static Http.Answer discover(String body) throws Exception {
        return Http.postJson(stack.core.url() + "/internal/v1/discover", body,
                Map.of("X-Internal-Token", SystemStack.TOKEN));
    }

    static List<JsonNode> items(Http.Answer a) {
        return KeywordSearchSystemTest.items(a);
    }

    @Test
    @Order(1)
    void aGenreMixIsParsedComposedAndExplained() throws Exception {
        var a = search("soul with a little funk");
        assertEquals(200, a.status(), a.body());
        JsonNode parsed = a.json().path("parsed");
        assertEquals("genre", parsed.path("mode").asText());
        assertEquals(0.8, parsed.path("genres").path("soul").asDouble(), 0.01);
        assertEquals(0.2, parsed.path("genres").path("funk").asDouble(), 0.01);
        List<JsonNode> items = items(a);
        assertFalse(items.isEmpty(), a.body());
        assertTrue(items.getFirst().path("genres").path("soul").asDouble() > 0, "best match holds soul: " + a.body());
        double soul = 0;
        double funk = 0;
        for (JsonNode item : items) {
            assertTrue(item.path("why").size() > 0, "every genre result explains itself: " + item);
            assertEquals("soul", item.path("why").get(0).path("genre").asText());
            soul += item.path("genres").path("soul").asDouble();
            funk += item.path("genres").path("funk").asDouble();
        }
        // the page is composed to carry the mix as a whole (score.MixComposer), not sorted by each item's score
        assertTrue(funk > 0, "the little funk is on the page: " + a.body());
        assertTrue(soul > funk, "mostly soul: " + a.body());
        assertTrue(a.json().path("degraded").isEmpty());
    }

    @Test
    @Order(2)
    void typesAndExclusionsAreHonoured() throws Exception {
        var a = search("soul songs without pop");
        assertEquals(200, a.status(), a.body());
        assertEquals(List.of("pop"), List.of(a.json().path("parsed").path("excluded").get(0).asText()));
        List<JsonNode> items = items(a);
        assertFalse(items.isEmpty(), a.body());
        for (JsonNode item : items) {
            assertEquals("song", item.path("type").asText());
            assertTrue(item.path("genres").path("pop").asDouble() < 0.25, "excluded genre filtered: " + item);
        }
    }

    @Test
    @Order(3)
    void theSameQuestionInOtherWordsIsACacheHit() throws Exception {
        var first = search("Funk with a little Soul");
        var second = search("funk, with a little soul!");
        assertEquals(200, second.status());
        assertTrue(List.of("miss", "hit").contains(first.json().path("cache").asText()));
        assertEquals("hit", second.json().path("cache").asText(), second.body());
        assertEquals(items(first).stream().map(i -> i.path("id").asLong()).toList(),
                items(second).stream().map(i -> i.path("id").asLong()).toList());
    }

    @Test
    @Order(3)
    void aHitForOtherWordsReportsItsOwnParse() throws Exception {
        // "mostly" is 0.6957 / 0.3043 and "70% … 30% …" exactly 0.7 / 0.3: one key (weights to 1 %), two parses
        var first = search("mostly funk with some soul");
        var second = search("70% funk 30% soul");
        assertEquals(0.6957, first.json().path("parsed").path("genres").path("funk").asDouble(), 1e-9, first.body());
        assertEquals("hit", second.json().path("cache").asText(), second.body());
        assertEquals(0.7, second.json().path("parsed").path("genres").path("funk").asDouble(), 1e-9, second.body());
        assertEquals(items(first).stream().map(i -> i.path("id").asLong()).toList(),
                items(second).stream().map(i -> i.path("id").asLong()).toList());
    }

    /** A counter from core's metrics endpoint (0 before its first increment). */
    static double coreCounter(String name) throws Exception {
        return Http.get(stack.core.url() + "/q/metrics").body().lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(3)
    void aPageCoreHoldsIsAnsweredWithoutARedisRead() throws Exception {
        String body = "{\"q\":\"soul with a bit of blues\",\"type\":\"any\",\"limit\":6,\"offset\":0}";
        var first = discover(body);
        double held = coreCounter("discovery_cache_local_hits_total");
        try (var store = redis.clients.jedis.RedisClient.create(java.net.URI.create(
                org.musicdiscovery.catalogue.db.TestNamespace.redis(SystemStack.REDIS_DB)))) {
            long gets = redisGets(store);
            var again = discover(body);
            assertEquals("hit", again.json().path("cache").asText(), again.body());
            assertEquals(1, coreCounter("discovery_cache_local_hits_total") - held, 0.0, "from core's heap");
            assertEquals(gets, redisGets(store), "no GET reached Redis for it");
            assertEquals(first.json().path("items"), again.json().path("items"));
        }
    }

    static long redisGets(redis.clients.jedis.RedisClient redis) {
        return redis.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_get:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll(".*calls=(\\d+).*", "$1"))).orElse(0L);
    }

    @Test
    @Order(3)
    void aCachedPageIsTheComputedPageWithItsOwnTimings() throws Exception {
        String body = "{\"q\":\"blues with a bit of jazz\",\"type\":\"any\",\"limit\":7,\"offset\":2}";
        var first = discover(body);
        var again = discover(body);
        assertEquals(200, again.status(), again.body());
        assertEquals("hit", again.json().path("cache").asText(), again.body());
        assertTrue(again.json().path("timings").has("cache"), again.body());
        assertFalse(again.json().path("timings").has("aggregate"), "a hit reports its own stages: " + again.body());
        var computed = (com.fasterxml.jackson.databind.node.ObjectNode) first.json();
        var cached = (com.fasterxml.jackson.databind.node.ObjectNode) again.json();
        for (String perRequest : List.of("timings", "cache")) {
            computed.remove(perRequest);
            cached.remove(perRequest);
        }
        assertFalse(computed.path("items").isEmpty(), first.body());
        assertEquals(computed, cached);
    }

    /** Items whose details core has read (the summary DetailPopulator records), from its metrics endpoint. */
    static double detailsRead() throws Exception {
        var metrics = Http.get(stack.core.url() + "/q/metrics");
        assertEquals(200, metrics.status());
        return metrics.body().lines().filter(l -> l.startsWith("discovery_details_read_sum"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(3)
    void aGenreMissReadsTheDetailsOfItsPageOnly() throws Exception {
        double before = detailsRead();
        var a = discover("{\"genres\":{\"soul\":0.57,\"rock\":0.43},\"type\":\"any\",\"limit\":4,\"offset\":1}");
        assertEquals(200, a.status(), a.body());
        assertEquals("miss", a.json().path("cache").asText(), a.body());
        assertEquals(4, items(a).size(), a.body());
        // ranking and de-duplication ran on the popularity and duplicate keys sent with vector-search's candidates
        assertEquals(4, detailsRead() - before, 0.0, "details read for the page's 4 items, not every candidate");
        for (JsonNode item : items(a)) {
            assertFalse(item.path("title").asText().isEmpty(), "the page is populated: " + item);
        }
    }

    @Test
    @Order(3)
    void versionsOfOneRecordingShowOnce() throws Exception {
        var a = discover("{\"genres\":{\"blues\":1},\"type\":\"song\",\"limit\":30,\"offset\":0}");
        assertEquals(200, a.status(), a.body());
        List<String> titles = items(a).stream().map(i -> i.path("title").asText()).toList();
        // the fixture holds each of these twice (FixtureCopy): an original and a live take or a remaster
        assertEquals(1, titles.stream().filter(t -> t.startsWith("The Thrill Is Gone")).count(), titles.toString());
        assertEquals(1, titles.stream().filter(t -> t.startsWith("Hoochie Coochie Man")).count(), titles.toString());
    }

    @Test
    @Order(4)
    void anExplicitMixGoesStraightToCore() throws Exception {
        var a = discover(
                "{\"genres\":{\"hip hop\":0.9,\"rhythm and blues\":0.1},\"type\":\"any\",\"limit\":5,\"offset\":0}");
        assertEquals(200, a.status(), a.body());
        assertTrue(items(a).getFirst().path("genres").path("hip hop").asDouble() >= 0.5, a.body());
        var bad = discover("{\"genres\":{\"rock\":-1},\"limit\":5,\"offset\":0}");
        assertEquals(400, bad.status());
        assertEquals("genres", bad.json().path("error").path("field").asText());
    }

    @Test
    @Order(100)
    void withVectorSearchDownTheAnswerIsDegradedNotFailed() throws Exception {
        stack.vector.stop();
        try {
            var a = search("hip hop with some soul");
            assertEquals(200, a.status(), a.body());
            assertTrue(a.json().path("degraded").toString().contains("vector"), a.body());
            var keyword = search("adele");
            assertEquals(200, keyword.status(), "keyword search does not need vector-search");
            assertFalse(items(keyword).isEmpty());
        } finally {
            stack.vector.start();
        }
        Thread.sleep(2500); // the circuit breaker's delay: it half-opens and lets the next call through
        var again = search("hip hop with some soul");
        assertEquals(200, again.status());
        assertTrue(again.json().path("degraded").isEmpty(), "recovered: " + again.body());
        assertFalse(items(again).isEmpty());
    }
}
