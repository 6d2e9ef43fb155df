package org.musicdiscovery.core.aggregate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.musicdiscovery.platform.InternalHttpClient;
import org.musicdiscovery.platform.InternalHttpClient.Answer;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.api.CandidatesCodec;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/**
 * vector-search as core sees it: {@code POST /v1/collections/{c}/search} and {@code GET /v1/collections}, over
 * platform's {@link InternalHttpClient}.
 * <p>
 * Questions go as Smile (platform.SmileBodies); answers are asked for in the binary candidates layout
 * (api.CandidatesCodec), Smile and JSON accepted from a replica without it. A status other than 2xx is
 * {@link InternalHttpClient.Refused} (404: no such collection, or the item is unknown to it).
 */
@ApplicationScoped
public class VectorSearchClient {
    static final String SEARCH_ACCEPT = CandidatesCodec.MEDIA_TYPE + ", " + SmileBodies.MEDIA_TYPE + ";q=0.8, "
            + MediaType.APPLICATION_JSON + ";q=0.5";
    private static final TypeReference<List<CollectionStatus>> STATUSES = new TypeReference<>() {
    };

    /** Served collections and their versions (core's cache keys include them). */
    public record CollectionStatus(String collection, String version, String lastError) {
    }

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;

    private InternalHttpClient http;

    @PostConstruct
    void connect() {
        connect(InternalHttpClient.Target.configured("vector-search", "discovery.vector"));
    }

    void connect(InternalHttpClient.Target target) {
        http = new InternalHttpClient(vertx, target);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Several searches may be in flight at once; the request id is given, as it is read on the caller's thread. */
    public CompletionStage<SearchResponse> searchAsync(String requestId, String collection, SearchRequest request) {
        byte[] body;
        try {
            body = SmileBodies.mapper().writeValueAsBytes(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        MultiMap headers = InternalHttpClient.accepting(SEARCH_ACCEPT)
                .add(HttpHeaders.CONTENT_TYPE, SmileBodies.MEDIA_TYPE);
        return http.exchange(HttpMethod.POST, "/v1/collections/" + collection + "/search", headers, requestId,
                Buffer.buffer(body)).thenApply(this::searchResponse);
    }

    /** {@link #searchAsync} for a caller that may block, with the request id of the request it serves. */
    public SearchResponse search(String collection, SearchRequest request) {
        return http.await(searchAsync(RequestIds.current(), collection, request));
    }

    public List<CollectionStatus> collections() {
        return http.await(http.exchange(HttpMethod.GET, "/v1/collections",
                InternalHttpClient.accepting(MediaType.APPLICATION_JSON), RequestIds.current(), null)
                .thenApply(r -> read(() -> json.readValue(r.body().getBytes(), STATUSES))));
    }

    private SearchResponse searchResponse(Answer answer) {
        String type = answer.type() == null ? "" : answer.type();
        byte[] bytes = answer.body().getBytes();
        if (type.startsWith(CandidatesCodec.MEDIA_TYPE)) {
            return CandidatesCodec.read(bytes);
        }
        ObjectMapper mapper = type.startsWith(SmileBodies.MEDIA_TYPE) ? SmileBodies.mapper() : json;
        return read(() -> mapper.readValue(bytes, SearchResponse.class));
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> T read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (IOException e) {
            throw new IllegalStateException("vector-search's answer is not readable: " + e.getMessage(), e);
        }
    }
}
