package org.musicdiscovery.web.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.platform.InternalHttpClient;
import org.musicdiscovery.platform.InternalToken;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.api.ApiProblem;

/**
 * The gateway's side of the contract with core, against a Vert.x server on a free port that records what it was
 * sent and answers as core would (the real core is behind the web layer in the system tests).
 */
class CoreClientTest {
    private final Vertx vertx = Vertx.vertx();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<HttpServerRequest> seen = new AtomicReference<>();
    private final AtomicReference<Buffer> seenBody = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private HttpServer server;
    private CoreClient client;

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            seen.set(req);
            seenBody.set(body);
            req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer);
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = client(server.actualPort());
    }

    private CoreClient client(int port) {
        var c = new CoreClient();
        c.vertx = vertx;
        c.json = json;
        var core = URI.create("http://127.0.0.1:" + port);
        c.connect(new InternalHttpClient.Target("core discovery", core, 500, 2000, 4));
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void postsTheSearchAsJsonWithTheTokenAndRequestIdAndPassesCoresPageOnAsItIs() throws Exception {
        answer = "{\"items\":[],\"page\":{\"limit\":5}}";
        var request = DiscoverRequest.mix(Map.of("soul", 0.7, "funk", 0.3), List.of("rock"), "song", 5, 0);

        byte[] page = client.discover("rid-9", request).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertArrayEquals(answer.getBytes(), page);
        HttpServerRequest req = seen.get();
        assertEquals("POST", req.method().name());
        assertEquals("/internal/v1/discover", req.path());
        assertEquals("application/json", req.getHeader("Content-Type"));
        assertEquals(InternalToken.current(), req.getHeader(InternalToken.HEADER));
        assertEquals("rid-9", req.getHeader(RequestIds.HEADER));
        assertEquals(request, json.readValue(seenBody.get().getBytes(), DiscoverRequest.class));
    }

    @Test
    void coresOwnRejectionReachesTheClientAsTheProblemItNamed() {
        status = 400;
        answer = "{\"error\":{\"code\":\"invalid_genres\",\"message\":\"unknown genre 'zzz'\",\"field\":\"genres\"}}";
        var failed = assertThrows(ExecutionException.class, () -> client.discover("r", DiscoverRequest.keyword("x",
                null, 5, 0)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        ApiProblem problem = assertInstanceOf(ApiProblem.class, failed.getCause());
        assertEquals(400, problem.status());
        assertEquals("invalid_genres", problem.code());
        assertEquals("genres", problem.field());
        assertEquals("unknown genre 'zzz'", problem.getMessage());

        status = 404;
        answer = "{\"error\":{\"code\":\"not_found\",\"message\":\"no song 7\"}}";
        ApiProblem missing = assertThrows(ApiProblem.class, () -> client.item("song", 7));
        assertEquals(404, missing.status());
        assertEquals("/internal/v1/items/song/7", seen.get().path());
    }

    @Test
    void coresFailureBecomesTheGatewaysUnavailableNotThePageItSent() {
        status = 500;
        answer = "{\"error\":{\"code\":\"internal\",\"message\":\"boom\"}}";
        var failed = assertThrows(ExecutionException.class, () -> client.discover("r", DiscoverRequest.keyword("x",
                null, 5, 0)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        RuntimeException seenByClient = CoreGateway.translate(failed.getCause());
        assertInstanceOf(CoreUnavailableException.class, seenByClient);
        assertTrue(seenByClient.getMessage().contains("500"), seenByClient.getMessage());

        status = 400;
        answer = "<html>a proxy's page</html>";
        var unreadable = assertThrows(RuntimeException.class, () -> client.genres());
        assertInstanceOf(CoreUnavailableException.class, CoreGateway.translate(unreadable),
                "a 400 without our error body is not passed on as the client's fault");
    }

    @Test
    void readsTheGenreVocabulary() {
        answer = "{\"version\":\"v3\",\"genres\":[{\"name\":\"soul\",\"depth\":0,\"items\":12}]}";
        GenreVocabularyView genres = client.genres();
        assertEquals("v3", genres.version());
        assertEquals("soul", genres.genres().getFirst().name());
        assertEquals("GET", seen.get().method().name());
    }

    /** The exchange runs on an event loop: a blocking call from one would wait out its timeout, so it is refused. */
    @Test
    void aBlockingCallFromAnEventLoopIsRefusedAtOnce() throws Exception {
        var failure = new CompletableFuture<Throwable>();
        vertx.runOnContext(v -> {
            try {
                client.genres();
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        assertInstanceOf(IllegalStateException.class, failure.get(2, TimeUnit.SECONDS));
        assertNull(seen.get(), "core was never asked");
    }

    @Test
    void aStoppedCoreIsUnreachablePromptly() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        var gone = client(port);
        long started = System.nanoTime();
        var failed = assertThrows(ExecutionException.class, () -> gone.discover("r", DiscoverRequest.keyword("x",
                null, 5, 0)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "failed within the timeouts");
        RuntimeException seenByClient = CoreGateway.translate(failed.getCause());
        assertTrue(seenByClient.getMessage().startsWith("core discovery is unreachable"), seenByClient.getMessage());
    }
}
