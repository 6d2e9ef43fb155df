package org.musicdiscovery.web.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.api.ItemDetails;
import org.musicdiscovery.platform.ApiError;
import org.musicdiscovery.platform.InternalHttpClient;
import org.musicdiscovery.platform.InternalHttpClient.Refused;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.api.ApiProblem;

/**
 * core-discovery's internal API ({@code /internal/v1}) as the gateway sees it, over platform's
 * {@link InternalHttpClient}. Core's own 400 and 404 (it validates too) come back as {@link ApiProblem}s to pass
 * on as they are; any other failure is the gateway's to turn into 503 ({@link CoreGateway}).
 */
@ApplicationScoped
public class CoreClient {
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;

    private InternalHttpClient http;

    @PostConstruct
    void connect() {
        connect(InternalHttpClient.Target.configured("core discovery", "discovery.core"));
    }

    void connect(InternalHttpClient.Target target) {
        http = new InternalHttpClient(vertx, target);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Core's answer as it wrote it ({@code DiscoverResponse}): the public page, passed on without decoding. */
    public CompletionStage<byte[]> discover(String requestId, DiscoverRequest request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        var headers = InternalHttpClient.accepting(MediaType.APPLICATION_JSON)
                .add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        return passingRejections(http.exchange(HttpMethod.POST, "/internal/v1/discover", headers, requestId,
                Buffer.buffer(body))).thenApply(answer -> answer.body().getBytes());
    }

    public ItemDetails item(String type, long id) {
        return get("/internal/v1/items/" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "/" + id,
                ItemDetails.class);
    }

    public GenreVocabularyView genres() {
        return get("/internal/v1/genres", GenreVocabularyView.class);
    }

    private <T> T get(String path, Class<T> type) {
        var call = http.exchange(HttpMethod.GET, path, InternalHttpClient.accepting(MediaType.APPLICATION_JSON),
                RequestIds.current(), null);
        return http.await(passingRejections(call).thenApply(answer -> {
            try {
                return json.readValue(answer.body().getBytes(), type);
            } catch (IOException e) {
                throw new IllegalStateException("core discovery's answer is not readable: " + e.getMessage(), e);
            }
        }));
    }

    private <T> CompletionStage<T> passingRejections(CompletionStage<T> call) {
        return call.exceptionallyCompose(failure -> CompletableFuture.failedFuture(rejection(failure)));
    }

    /** Core's 400 or 404 as the problem it named; anything else as it is. */
    private Throwable rejection(Throwable failure) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (cause instanceof Refused r && (r.status() == 400 || r.status() == 404)) {
            try {
                ApiError.Detail d = json.readValue(r.body(), ApiError.class).error();
                return new ApiProblem(r.status(), d.code(), d.message(), d.field(), null);
            } catch (IOException | RuntimeException unreadable) {
                return cause; // not our services' error body: the gateway's 503
            }
        }
        return cause;
    }
}
