package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Search-as-you-type over a real WebSocket: every message answered with its seq, bad ones with an error body. */
class LiveSearchSystemTest {
    static SystemStack stack;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
    }

    /** A client that collects every reply. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        Client open(Map<String, String> headers) throws Exception {
            var builder = HttpClient.newHttpClient().newWebSocketBuilder();
            headers.forEach(builder::header);
            ws = builder.buildAsync(URI.create(stack.web.url().replace("http", "ws") + "/api/v1/live"), this)
                    .get(10, TimeUnit.SECONDS);
            return this;
        }

        void send(String text) {
            ws.sendText(text, true).join();
        }

        JsonNode next() throws InterruptedException {
            JsonNode n = replies.poll(15, TimeUnit.SECONDS);
            if (n == null) {
                throw new AssertionError("no reply within 15 s");
            }
            return n;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    replies.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @RepeatedTest(5) // the order messages are taken in must not depend on thread scheduling
    void aBurstOfKeystrokesIsAnsweredBySeqAndTheLastOneAlways() throws Exception {
        var c = new Client().open(Map.of());
        String[] burst = {"s", "so", "sou", "soul", "soul w", "soul with", "soul with a little funk"};
        for (int i = 0; i < burst.length; i++) {
            c.send("{\"seq\":" + (i + 1) + ",\"q\":\"" + burst[i] + "\",\"limit\":5}");
        }
        Map<Long, JsonNode> bySeq = new HashMap<>();
        while (!bySeq.containsKey((long) burst.length)) {
            JsonNode r = c.next();
            bySeq.put(r.path("seq").asLong(), r);
        }
        JsonNode last = bySeq.get((long) burst.length);
        assertEquals("genre", last.path("result").path("parsed").path("mode").asText(), last.toString());
        assertEquals(0.8, last.path("result").path("parsed").path("genres").path("soul").asDouble(), 0.01);
        assertFalse(last.path("result").path("items").isEmpty());
        assertFalse(last.path("requestId").asText().isBlank());
        for (JsonNode r : bySeq.values()) {
            assertTrue(r.has("result") || r.path("superseded").asBoolean(), "answered or superseded: " + r);
        }
        c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void mixesAndBadMessagesGetTheSameRulesAsHttp() throws Exception {
        var c = new Client().open(Map.of());
        c.send("{\"seq\":1,\"genres\":{\"blues\":0.8,\"rock\":0.2},\"type\":\"song\",\"limit\":3}");
        JsonNode ok = c.next();
        assertEquals(1, ok.path("seq").asLong());
        assertTrue(ok.path("result").path("items").get(0).path("genres").has("blues"), ok.toString());
        c.send("{\"seq\":2,\"genres\":{\"blues\":-1}}");
        JsonNode bad = c.next();
        assertEquals(2, bad.path("seq").asLong());
        assertEquals("genres", bad.path("error").path("field").asText(), bad.toString());
        c.send("{\"seq\":3,\"q\":\"adele\",\"colour\":\"red\"}");
        assertEquals("unknown_field", c.next().path("error").path("code").asText());
        c.send("not json");
        assertEquals("malformed_json", c.next().path("error").path("code").asText());
        c.send("{\"q\":\"adele\"}");
        assertEquals("seq", c.next().path("error").path("field").asText());
    }

    /** The gateway holds no lookup of a new key: it is read from PostgreSQL on a worker before the upgrade. */
    @Test
    void aNewKeyOpensTheSocketAndItsMessagesAreAnswered() throws Exception {
        String key = stack.apiKeys("create", "--name", "live app");
        var c = new Client().open(Map.of("X-Api-Key", key));
        c.send("{\"seq\":1,\"q\":\"jazz with a little soul\",\"limit\":3}");
        JsonNode r = c.next();
        assertEquals(1, r.path("seq").asLong(), r.toString());
        assertEquals(3, r.path("result").path("items").size(), r.toString());
        c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void aRevokedOrUnknownKeyCannotOpenTheSocket() throws Exception {
        var failed = false;
        try {
            new Client().open(Map.of("X-Api-Key", "mdk_" + "B".repeat(43)));
        } catch (Exception e) {
            failed = true;
        }
        assertTrue(failed, "the upgrade is refused (401)");
        // a key the gateway does not hold is looked up on a worker first: the refusal still comes, as a 401
        var refused = Http.get(stack.web.url() + "/api/v1/live", Map.of("X-Api-Key", "mdk_" + "E".repeat(43)));
        assertEquals(401, refused.status(), refused.body());
        assertEquals("invalid_api_key", JSON.readTree(refused.body()).path("error").path("code").asText());
    }
}
