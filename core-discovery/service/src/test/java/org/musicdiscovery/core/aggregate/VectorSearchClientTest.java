package org.musicdiscovery.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.platform.InternalHttpClient;
import org.musicdiscovery.platform.InternalToken;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.api.Candidate;
import org.musicdiscovery.vectorsearch.api.CandidatesCodec;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/**
 * The client's side of the wire contract, against a Vert.x server on a free port that records what it was sent and
 * answers as a vector-search replica would (the real service is behind it in the system tests).
 */
class VectorSearchClientTest {
    static final SearchResponse ANSWER = new SearchResponse("genre", "v7", List.of(
            new Candidate("song", 42, 0.5, 0.9, List.of("dot", "angular"), Map.of("soul", 0.75, "funk", 0.25), null,
                    12.0, 99L)), Map.of("total", 0.3), "exact");

    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<HttpServerRequest> seen = new AtomicReference<>();
    private final AtomicReference<Buffer> seenBody = new AtomicReference<>();
    private Consumer<HttpServerRequest> reply;
    private HttpServer server;
    private VectorSearchClient client;

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            seen.set(req);
            seenBody.set(body);
            reply.accept(req);
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = client(server.actualPort());
    }

    private VectorSearchClient client(int port) {
        return client("http://127.0.0.1:" + port);
    }

    private VectorSearchClient client(String url) {
        var c = new VectorSearchClient();
        c.vertx = vertx;
        c.json = new ObjectMapper();
        c.connect(new InternalHttpClient.Target("vector-search", URI.create(url), 500, 2000, 4));
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void answer(int status, String type, byte[] body) {
        reply = req -> req.response().setStatusCode(status).putHeader("Content-Type", type).end(Buffer.buffer(body));
    }

    @Test
    void asksInSmileWithTheTokenAndRequestIdAndReadsTheBinaryLayout() throws Exception {
        answer(200, CandidatesCodec.MEDIA_TYPE, CandidatesCodec.write(ANSWER));
        var request = SearchRequest.genres(Map.of("soul", 0.7, "funk", 0.3), 100, List.of("song"));

        SearchResponse got = client.searchAsync("rid-1", "genre", request).toCompletableFuture().get(10,
                TimeUnit.SECONDS);

        assertEquals(ANSWER.candidates().getFirst(), got.candidates().getFirst());
        assertEquals("v7", got.version());
        HttpServerRequest req = seen.get();
        assertEquals("POST", req.method().name());
        assertEquals("/v1/collections/genre/search", req.path());
        assertEquals(SmileBodies.MEDIA_TYPE, req.getHeader("Content-Type"));
        assertTrue(req.getHeader("Accept").startsWith(CandidatesCodec.MEDIA_TYPE + ","), req.getHeader("Accept"));
        assertEquals(InternalToken.current(), req.getHeader(InternalToken.HEADER));
        assertEquals("rid-1", req.getHeader(RequestIds.HEADER));
        assertEquals(request.genres(), SmileBodies.mapper().readValue(seenBody.get().getBytes(), SearchRequest.class)
                .genres());
    }

    @Test
    void readsSmileAndJsonFromAReplicaWithoutTheLayout() throws Exception {
        for (var format : List.of(SmileBodies.mapper(), new ObjectMapper())) {
            String type = format == SmileBodies.mapper() ? SmileBodies.MEDIA_TYPE : "application/json";
            answer(200, type, format.writeValueAsBytes(ANSWER));
            SearchResponse got = client.search("genre", SearchRequest.genres(Map.of("soul", 1.0), 10, List.of()));
            assertEquals(ANSWER.candidates().getFirst().genres(), got.candidates().getFirst().genres(), type);
            assertEquals(99L, got.candidates().getFirst().duplicate(), type);
        }
    }

    @Test
    void aStatusOtherThan2xxIsRefusedWithItsStatus() {
        answer(404, "application/json", "{\"error\":\"unknown item\"}".getBytes());
        var refused = assertThrows(InternalHttpClient.Refused.class,
                () -> client.search("embedding", SearchRequest.similarTo("song:1", 10, List.of())));
        assertEquals(404, refused.status());
        assertTrue(refused.getMessage().contains("unknown item"), refused.getMessage());
    }

    @Test
    void aBodyThatIsNotTheLayoutFailsTheCallInsteadOfAnsweringGarbage() {
        answer(200, CandidatesCodec.MEDIA_TYPE, new byte[] {1, 2, 3});
        var failed = assertThrows(ExecutionException.class, () -> client.searchAsync(null, "genre",
                SearchRequest.genres(Map.of("soul", 1.0), 10, List.of())).toCompletableFuture().get(10,
                        TimeUnit.SECONDS));
        assertInstanceOf(CandidatesCodec.MalformedException.class, failed.getCause());
    }

    @Test
    void listsTheServedCollections() throws Exception {
        answer(200, "application/json", "[{\"collection\":\"genre\",\"version\":\"v7\"}]".getBytes());
        assertEquals(List.of(new VectorSearchClient.CollectionStatus("genre", "v7", null)), client.collections());
        assertEquals("/v1/collections", seen.get().path());
        assertEquals("GET", seen.get().method().name());
    }

    @Test
    void aPathInTheUrlPrefixesEveryCall() throws Exception {
        answer(200, "application/json", "[]".getBytes());
        client("http://127.0.0.1:" + server.actualPort() + "/vectors/").collections();
        assertEquals("/vectors/v1/collections", seen.get().path());
    }

    @Test
    void aStoppedServiceFailsTheCallPromptly() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        var gone = client(port);
        long started = System.nanoTime();
        assertThrows(RuntimeException.class, gone::collections);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "failed within the timeouts");
    }

    /**
     * Calls started from 16 threads at once, as core's workers start them: each completes, with its own answer. (The
     * rare hang that made the client chain its exchange on an event loop was seen only under the full stack's load;
     * this test did not reproduce it with the calls chained on the caller's thread.)
     */
    @Test
    void everyCallFromManyThreadsCompletes() throws Exception {
        answer(200, CandidatesCodec.MEDIA_TYPE, CandidatesCodec.write(ANSWER));
        var request = SearchRequest.genres(Map.of("soul", 1.0), 10, List.of());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> callers = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        var pending = client.searchAsync(null, "genre", request).toCompletableFuture();
                        assertEquals(1, pending.get(5, TimeUnit.SECONDS).candidates().size());
                    }
                    return null;
                }));
            }
            for (var caller : callers) {
                caller.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
