package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API keys and limits end to end: keys made by the real CLI in the real database, presented over HTTP; anonymous
 * callers limited per address; one request id in the access logs of all three tiers.
 */
class AccessSystemTest {
    static SystemStack stack;
    static String web;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
        web = stack.web.url() + "/api/v1";
    }

    static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    @Test
    void aKeyFromTheCliWorksAsBearerOrHeaderAndReportsItsLimit() throws Exception {
        String key = stack.apiKeys("create", "--name", "systest app", "--rate-per-minute", "600");
        assertTrue(key.startsWith("mdk_"), key);
        var me = Http.get(web + "/me", bearer(key));
        assertEquals(200, me.status(), me.body());
        assertEquals("systest app", me.json().path("name").asText());
        assertEquals(600, me.json().path("ratePerMinute").asInt());
        var search = Http.get(web + "/search?q=adele", Map.of("X-Api-Key", key));
        assertEquals(200, search.status(), search.body());
        assertEquals("600", Http.header(search, "X-RateLimit-Limit"));
        assertTrue(stack.apiKeys("list").contains("systest app"), "the CLI lists it");
        assertFalse(stack.apiKeys("list").contains(key), "the CLI never shows a key again");
    }

    @Test
    void withoutAKeyWhereOneIsNeededIts401() throws Exception {
        var a = Http.get(web + "/me");
        assertEquals(401, a.status(), a.body());
        assertEquals("api_key_required", a.json().path("error").path("code").asText());
    }

    @Test
    void withAnonymousUseSwitchedOffEveryEndpointNeedsAKey() throws Exception {
        String key = stack.apiKeys("create", "--name", "keys-only gateway");
        try (ServiceProcess keysOnly = stack.anotherWeb("web-layer-keys-only", Map.of("DISCOVERY_AUTH_ANONYMOUS", "false"))) {
            keysOnly.start();
            var anonymous = Http.get(keysOnly.url() + "/api/v1/search?q=adele");
            assertEquals(401, anonymous.status(), anonymous.body());
            assertEquals("api_key_required", anonymous.json().path("error").path("code").asText());
            assertEquals(200, Http.get(keysOnly.url() + "/api/v1/search?q=adele", bearer(key)).status());
        }
    }

    /**
     * Searches are served on the web layer's event loop; what may block goes to a worker first. A fresh gateway
     * holds neither the key (a PostgreSQL lookup) nor the genre vocabulary (a call to core) on its first requests.
     */
    @Test
    void aFreshGatewaysFirstRequestsLookUpTheKeyAndTheGenresWithoutFailing() throws Exception {
        String mixKey = stack.apiKeys("create", "--name", "first mix");
        String searchKey = stack.apiKeys("create", "--name", "first search");
        var log = stack.work.resolve("web-layer-fresh.log");
        long before = Files.exists(log) ? Files.size(log) : 0; // the log is appended to, run after run
        try (ServiceProcess fresh = stack.anotherWeb("web-layer-fresh", Map.of())) {
            fresh.start();
            String mix = "{\"genres\": {\"Blues\": 0.8, \"rock\": 0.2}, \"limit\": 5}";
            for (int i = 0; i < 2; i++) { // the second time both are held
                var a = Http.postJson(fresh.url() + "/api/v1/discover", mix, bearer(mixKey));
                assertEquals(200, a.status(), a.body());
                assertEquals(5, a.json().path("items").size(), a.body());
                assertEquals(0.8, a.json().path("parsed").path("genres").path("blues").asDouble(), 1e-9, a.body());
            }
            var search = Http.get(fresh.url() + "/api/v1/search?q=adele", bearer(searchKey));
            assertEquals(200, search.status(), search.body());
            assertFalse(search.json().path("items").isEmpty(), search.body());
            var unknown = Http.postJson(fresh.url() + "/api/v1/discover", "{\"genres\": {\"no such genre\": 1}}",
                    bearer(mixKey));
            assertEquals(400, unknown.status(), unknown.body());
            assertEquals("genres", unknown.json().path("error").path("field").asText());
            byte[] all = Files.readAllBytes(log);
            String written = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
            assertFalse(written.contains("BlockingNotAllowed"), "no blocking call was made on an event loop");
        }
    }

    @Test
    void aBadKeyIs401NotAnonymous() throws Exception {
        String neverIssued = "mdk_" + "A".repeat(43);
        for (var headers : new Map[] {bearer(neverIssued), Map.of("X-Api-Key", "not-a-key"),
                Map.of("Authorization", "Basic dXNlcjpwYXNz")}) {
            @SuppressWarnings("unchecked")
            var a = Http.get(web + "/search?q=adele", (Map<String, String>) headers);
            assertEquals(401, a.status(), headers + " " + a.body());
            assertTrue(a.json().path("error").path("code").asText().startsWith("invalid_"), a.body());
        }
    }

    @Test
    void aRevokedKeyIs403() throws Exception {
        String key = stack.apiKeys("create", "--name", "to revoke");
        assertEquals(200, Http.get(web + "/search?q=adele", bearer(key)).status());
        String prefix = key.substring(0, 12);
        stack.apiKeys("revoke", prefix);
        Http.Answer a = null;
        long deadline = System.nanoTime() + 10_000_000_000L; // the gateway remembers lookups for 1 s here
        while (System.nanoTime() < deadline) {
            a = Http.get(web + "/search?q=adele", bearer(key));
            if (a.status() == 403) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(403, a.status(), a.body());
        assertEquals("api_key_revoked", a.json().path("error").path("code").asText());
    }

    @Test
    void overItsLimitAKeyGets429WithRetryAfter() throws Exception {
        String key = stack.apiKeys("create", "--name", "slow app", "--rate-per-minute", "3"); // burst of 1
        assertEquals(200, Http.get(web + "/genres", bearer(key)).status());
        var a = Http.get(web + "/genres", bearer(key));
        assertEquals(429, a.status(), a.body());
        assertEquals("rate_limited", a.json().path("error").path("code").asText());
        int retry = Integer.parseInt(Http.header(a, "Retry-After"));
        assertTrue(retry >= 1 && retry <= 20, "a token every 20 s: " + retry);
        assertEquals(200, Http.get(web + "/genres").status(), "other callers are not affected");
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() throws Exception {
        var client = Map.of("X-Forwarded-For", "198.51.100.7"); // a header only: no traffic leaves the machine
        int ok = 0;
        Http.Answer refused = null;
        for (int i = 0; i < SystemStack.ANON_BURST * 2 && refused == null; i++) {
            var a = Http.get(web + "/genres", client);
            if (a.status() == 429) {
                refused = a;
            } else {
                assertEquals(200, a.status());
                ok++;
            }
        }
        assertNotNull(refused, "limited after " + ok);
        assertTrue(ok >= SystemStack.ANON_BURST, "the burst is served first: " + ok);
        assertNotNull(Http.header(refused, "Retry-After"));
        assertEquals(200, Http.get(web + "/genres", Map.of("X-Forwarded-For", "198.51.100.8")).status(),
                "another address has its own budget");
    }

    @Test
    void oneRequestIdIsTraceableThroughAllThreeTiers() throws Exception {
        String id = "systest-trace-" + Long.toHexString(System.nanoTime());
        var a = Http.get(web + "/search?q=" + java.net.URLEncoder.encode("soul with a little funk", "UTF-8"),
                Map.of("X-Request-Id", id));
        assertEquals(200, a.status());
        assertEquals(id, Http.header(a, "X-Request-Id"));
        // access-log lines are written in batches after the response (platform.BufferedAccessLog, every 200 ms)
        for (String service : new String[] {"web-layer", "core-discovery", "vector-search"}) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            String log = Files.readString(stack.work.resolve(service + ".log"));
            while (!log.contains("rid=" + id) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                log = Files.readString(stack.work.resolve(service + ".log"));
            }
            assertTrue(log.contains("rid=" + id), service + " logged the id");
        }
        var forged = Http.get(web + "/genres", Map.of("X-Request-Id", "bad id\twith tabs"));
        assertNotEquals("bad id\twith tabs", Http.header(forged, "X-Request-Id"), "malformed ids are replaced");
        assertNotNull(Http.header(forged, "X-Request-Id"));
    }
}
