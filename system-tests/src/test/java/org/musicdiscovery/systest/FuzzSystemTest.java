package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fuzz and security pass of the public API, over the real stack: generated hostile inputs are all answered 2xx or
 * 4xx, in bounded time; SQL-looking text is only text; the internal tiers refuse every way around the token; other
 * origins get no CORS grant. A failing run prints its seed: {@code -Dfuzz.seed=N} replays it.
 */
class FuzzSystemTest {
    static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
    static SystemStack stack;
    static String key;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
        key = stack.roomyKey("fuzz");
    }

    @Test
    void generatedInputsAreAnswered2xxOr4xxNeverA5xxOrAHang() throws Exception {
        FuzzInputs inputs = new FuzzInputs(SEED);
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger retried = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            FuzzInputs.Input in = inputs.next(i);
            running.add(pool.submit(() -> {
                try {
                    Http.Answer a;
                    try {
                        a = send(Http.HTTP_1_1, in);
                    } catch (IOException stale) {
                        // a pooled keep-alive connection can be closed under a request (the JDK client retries
                        // only idempotent ones); a new connection tells a stale one from an input the server drops
                        retried.incrementAndGet();
                        a = send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), in);
                    }
                    statuses.merge(a.status(), 1, Integer::sum);
                    if (a.status() >= 500 || a.status() < 200) {
                        failures.add(in.label() + " " + in.method() + " " + abbreviate(in.pathAndQuery()) + " -> "
                                + a.status() + " " + abbreviate(a.body()));
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failures.add(in.label() + " " + in.method() + " " + abbreviate(in.pathAndQuery())
                            + (in.body() == null ? "" : " (" + in.body().length + " bytes)") + " -> " + e);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("fuzz: %d inputs, seed %d, %.1f s, statuses %s, %d resent on a new connection%n", INPUTS,
                SEED, (System.nanoTime() - t0) / 1e9, statuses, retried.get());
        assertTrue(failures.isEmpty(), failures.size() + " failures (seed " + SEED + "), first: "
                + failures.subList(0, Math.min(10, failures.size())));
        assertTrue(statuses.getOrDefault(200, 0) > INPUTS / 10, "some inputs were valid enough to answer: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > INPUTS / 10, "and many were refused as bad input: " + statuses);
        assertEquals(200, Http.get(stack.web.url() + "/q/health/ready").status(), "still ready afterwards");
    }

    /** Requests the HTTP client would not send: broken request lines, oversized or split headers, lying lengths. */
    @Test
    void rawProtocolAbuseIsNeverA5xxNorAHang() throws Exception {
        Random r = new Random(SEED);
        List<String> requests = new ArrayList<>(List.of(
                "GARBAGE\r\n\r\n",
                "GET /api/v1/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/genres HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n",
                "GET /api/v1/genres HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\rb\r\n\r\n",
                "POST /api/v1/discover HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}",
                "POST /api/v1/discover HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999\r\n\r\n{}",
                "POST /api/v1/discover HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "POST /api/v1/discover HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "GET /../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/%2e%2e/%2e%2e/internal/v1/genres HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET http://127.0.0.1:1/internal/v1/genres HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/genres HTTP/9.9\r\nHost: x\r\n\r\n"));
        for (int i = 0; i < 200; i++) { // random bytes after a plausible start
            byte[] junk = new byte[r.nextInt(2_000)];
            r.nextBytes(junk);
            requests.add("GET /api/v1/" + new String(junk, StandardCharsets.ISO_8859_1));
        }
        for (String request : requests) {
            String status = rawStatus(request.getBytes(StandardCharsets.ISO_8859_1));
            assertFalse(status.startsWith("5"), abbreviate(request) + " -> " + status);
        }
        assertEquals(200, Http.get(stack.web.url() + "/q/health/ready").status(), "still ready afterwards");
    }

    @Test
    void sqlInjectionProbesAreOnlyText() throws Exception {
        String[] probes = {"' OR '1'='1", "adele'; DROP TABLE songs; --", "\" OR 1=1 --", "adele' UNION SELECT "
                + "key_hash, name, 1, 1 FROM web.api_keys --", "%' AND pg_sleep(5) --", "adele\\'; SELECT 1; --",
            "$$; DROP TABLE artists; $$", "adele') OR ('a'='a", "1; COPY songs TO '/tmp/x'; --"};
        for (String probe : probes) {
            long t0 = System.nanoTime();
            Http.Answer a = Http.get(stack.web.url() + "/api/v1/search?q=" + FuzzInputs.enc(probe), Map.of(
                    "X-Api-Key", key));
            assertTrue(a.status() == 200 || a.status() == 400, probe + " -> " + a.status() + " " + a.body());
            assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "no pg_sleep ran: " + probe);
            assertFalse(a.body().contains("key_hash") || a.body().toLowerCase().contains("syntax error"), a.body());
        }
        Http.Answer after = Http.get(stack.web.url() + "/api/v1/search?q=adele", Map.of("X-Api-Key", key));
        assertEquals(200, after.status());
        assertFalse(KeywordSearchSystemTest.items(after).isEmpty(), "the catalogue is still there: " + after.body());
    }

    @Test
    void theInternalTiersRefuseEveryWayAroundTheToken() throws Exception {
        String body = "{\"q\":\"adele\",\"type\":\"any\",\"limit\":5,\"offset\":0}";
        List<Map<String, String>> forged = List.of(Map.of(), Map.of("X-Internal-Token", ""),
                Map.of("X-Internal-Token", SystemStack.TOKEN + "x"), Map.of("X-Internal-Token",
                        SystemStack.TOKEN.toUpperCase()), Map.of("X-Internal-Token", SystemStack.TOKEN.substring(1)),
                Map.of("Authorization", "Bearer " + SystemStack.TOKEN), Map.of("X-Api-Key", key),
                Map.of("X-Forwarded-For", "127.0.0.1", "X-Real-IP", "127.0.0.1"));
        for (Map<String, String> headers : forged) {
            assertEquals(401, Http.postJson(stack.core.url() + "/internal/v1/discover", body, headers).status(),
                    "core with " + headers.keySet());
            assertEquals(401, Http.get(stack.vector.url() + "/v1/collections", headers).status(),
                    "vector-search with " + headers.keySet());
        }
        assertEquals(401, Http.postJson(stack.core.url() + "/internal/v1/discover?token=" + SystemStack.TOKEN, body,
                Map.of()).status(), "a token in the query string counts for nothing");
        for (String path : List.of("/internal/v1/discover", "/internal/v1/genres", "/v1/collections",
                "/api/v1/../internal/v1/genres", "/api/v1/%2e%2e/%2e%2e/internal/v1/genres")) {
            int status = Http.get(stack.web.url() + path, Map.of("X-Internal-Token", SystemStack.TOKEN)).status();
            assertTrue(status == 404 || status == 400, "the gateway serves no internal path: " + path + " " + status);
        }
    }

    @Test
    void otherOriginsGetNoCorsGrant() throws Exception {
        Http.Answer get = Http.get(stack.web.url() + "/api/v1/genres", Map.of("Origin", "https://evil.example"));
        assertNull(Http.header(get, "Access-Control-Allow-Origin"), "a page on another origin cannot read answers");
        Http.Answer preflight = Http.send(HttpRequest.newBuilder(URI.create(stack.web.url() + "/api/v1/discover"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-api-key"));
        assertTrue(preflight.status() < 500, "preflight answered: " + preflight.status());
        assertNull(Http.header(preflight, "Access-Control-Allow-Origin"), "no preflight grant for another origin");
        assertNull(Http.header(preflight, "Access-Control-Allow-Credentials"));
    }

    private static Http.Answer send(HttpClient client, FuzzInputs.Input in) throws IOException,
            InterruptedException {
        Map<String, String> headers = new HashMap<>(in.headers());
        if (!headers.containsKey("Authorization") && !headers.containsKey("X-Api-Key")) {
            headers.put("X-Api-Key", key); // the fuzz is not about rate limits: its own key, a limit far above it
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.web.url() + in.pathAndQuery()));
        if (in.body() != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(in.body()));
            String contentType = headers.remove("Content-Type");
            if (contentType != null) {
                b.setHeader("Content-Type", contentType);
            }
        }
        return Http.send(client, b, headers);
    }

    /** The status code of the first answer to a raw request; "closed" if the server closes without one. */
    private static String rawStatus(byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", stack.web.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                return "closed"; // refused mid-request (e.g. an oversized header)
            }
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            String line = new String(head, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.") && line.length() >= 12 ? line.substring(9, 12) : "closed";
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 10 s: " + abbreviate(new String(request,
                    StandardCharsets.ISO_8859_1)), e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + " chars)";
    }
}
