package org.musicdiscovery.core.aggregate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.musicdiscovery.platform.InternalToken;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.api.CandidatesCodec;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/**
 * vector-search as core sees it: {@code POST /v1/collections/{c}/search} and {@code GET /v1/collections}, over
 * Vert.x's HTTP client with pooled keep-alive connections.
 * <p>
 * Questions go as Smile (platform.SmileBodies); answers are asked for in the binary candidates layout
 * (api.CandidatesCodec), Smile and JSON accepted from a replica without it. Not a MicroProfile REST client: building
 * each call through one (URI template, header maps, filters, writer look-up, context capture) was about 12 % of
 * core's CPU on a cache miss, the HTTP exchange itself less than that (docs/benchmarks.md, core section).
 */
@ApplicationScoped
public class VectorSearchClient {
    static final String SEARCH_ACCEPT = CandidatesCodec.MEDIA_TYPE + ", " + SmileBodies.MEDIA_TYPE + ";q=0.8, "
            + MediaType.APPLICATION_JSON + ";q=0.5";
    private static final TypeReference<List<CollectionStatus>> STATUSES = new TypeReference<>() {
    };

    /** A status other than 2xx from vector-search (404: no such collection, or the item is unknown to it). */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String body) {
            // the error body names the problem (ApiError); an unexpected page from a proxy is cut short
            super("vector-search answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Served collections and their versions (core's cache keys include them). */
    public record CollectionStatus(String collection, String version, String lastError) {
    }

    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "discovery.vector.url")
    URI url;
    @ConfigProperty(name = "discovery.vector.connect-timeout-ms", defaultValue = "500")
    int connectTimeoutMs;
    /** No byte for this long ends the call (the sources' own timeouts are shorter; this frees the connection). */
    @ConfigProperty(name = "discovery.vector.read-timeout-ms", defaultValue = "2000")
    long readTimeoutMs;
    @ConfigProperty(name = "discovery.vector.max-connections", defaultValue = "50")
    int maxConnections;

    private HttpClient http;
    /** The URL's path without its trailing slash ("" at the root), in front of every request's path. */
    private String base;

    @PostConstruct
    void connect() {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80).setSsl(tls)
                .setConnectTimeout(connectTimeoutMs).setKeepAlive(true).setMaxPoolSize(maxConnections)
                .setTcpNoDelay(true));
        String path = url.getRawPath();
        base = path == null ? "" : path.replaceAll("/+$", "");
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
        MultiMap headers = HttpHeaders.headers().add(HttpHeaders.CONTENT_TYPE, SmileBodies.MEDIA_TYPE)
                .add(HttpHeaders.ACCEPT, SEARCH_ACCEPT);
        return exchange(HttpMethod.POST, base + "/v1/collections/" + collection + "/search", headers, requestId,
                Buffer.buffer(body)).thenApply(this::searchResponse);
    }

    /** {@link #searchAsync} for a caller that may block, with the request id of the request it serves. */
    public SearchResponse search(String collection, SearchRequest request) {
        return await(searchAsync(RequestIds.current(), collection, request));
    }

    public List<CollectionStatus> collections() {
        MultiMap headers = HttpHeaders.headers().add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        return await(exchange(HttpMethod.GET, base + "/v1/collections", headers, RequestIds.current(), null)
                .thenApply(r -> read(() -> json.readValue(r.body().getBytes(), STATUSES))));
    }

    /** A 2xx answer's body and type, else {@link Refused}; the token and the request id go with every call. */
    private CompletionStage<Answer> exchange(HttpMethod method, String path, MultiMap headers, String requestId,
            Buffer body) {
        headers.add(InternalToken.HEADER, InternalToken.current());
        if (requestId != null) {
            headers.add(RequestIds.HEADER, requestId);
        }
        var options = new RequestOptions().setMethod(method).setURI(path).setHeaders(headers)
                .setIdleTimeout(readTimeoutMs);
        // the whole exchange is chained on an event loop, so each handler is in place before the step it waits for
        // can complete. Chained from the worker thread, about one call in 20,000-30,000 under load never completed
        // (a degraded answer at the source's 1 s timeout); side by side with this, none did.
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(start -> http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(response -> response.body().map(bytes -> answer(response, bytes)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer.complete(done.result());
                    } else {
                        answer.completeExceptionally(done.cause());
                    }
                }));
        return answer;
    }

    private record Answer(String type, Buffer body) {
    }

    private static Answer answer(HttpClientResponse response, Buffer body) {
        if (response.statusCode() / 100 != 2) {
            throw new Refused(response.statusCode(), body.toString());
        }
        return new Answer(response.getHeader(HttpHeaders.CONTENT_TYPE), body);
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

    private <T> T await(CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().get(readTimeoutMs + connectTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("vector-search did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for vector-search", e);
        }
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
