package org.musicdiscovery.platform;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One internal service as its caller sees it (core → vector-search, web layer → core): Vert.x's HTTP client with
 * pooled keep-alive connections, the internal token and the request id on every call, and a status other than 2xx
 * as {@link Refused}. Not a MicroProfile REST client: building each call through one (URI template, header maps,
 * filters, writer look-up, context capture) cost more CPU than the HTTP exchange itself (docs/benchmarks.md, core).
 */
public final class InternalHttpClient implements AutoCloseable {

    /**
     * Where the service is and how long to wait for it.
     *
     * @param readTimeoutMs  no byte for this long ends the call and frees its connection
     * @param maxConnections pooled keep-alive connections; a call beyond them waits for one
     */
    public record Target(String service, URI url, int connectTimeoutMs, long readTimeoutMs, int maxConnections) {

        /** From {@code PREFIX.url}, {@code .connect-timeout-ms}, {@code .read-timeout-ms}, {@code .max-connections}. */
        public static Target configured(String service, String prefix) {
            Config config = ConfigProvider.getConfig();
            return new Target(service, config.getValue(prefix + ".url", URI.class),
                    config.getValue(prefix + ".connect-timeout-ms", Integer.class),
                    config.getValue(prefix + ".read-timeout-ms", Long.class),
                    config.getValue(prefix + ".max-connections", Integer.class));
        }
    }

    /** A 2xx answer: its content type (may be null) and body. */
    public record Answer(String type, Buffer body) {
    }

    /** A status other than 2xx from the service, with the body it sent (an {@link ApiError} from our services). */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String body;

        public Refused(String service, int status, String body) {
            // an unexpected page from a proxy is cut short in the message
            super(service + " answered " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    /** The service could not be asked or did not answer in time (connection refused, reset, timed out). */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String service, Throwable cause) {
            super(service + " did not answer: " + cause, cause);
        }
    }

    private final Vertx vertx;
    private final Target target;
    private final HttpClient http;
    /** The URL's path without its trailing slash ("" at the root), in front of every request's path. */
    private final String base;

    public InternalHttpClient(Vertx vertx, Target target) {
        this.vertx = vertx;
        this.target = target;
        URI url = target.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80).setSsl(tls)
                .setConnectTimeout(target.connectTimeoutMs()).setKeepAlive(true)
                .setMaxPoolSize(target.maxConnections()).setTcpNoDelay(true));
        String path = url.getRawPath();
        base = path == null ? "" : path.replaceAll("/+$", "");
    }

    /** Headers for a call that accepts {@code accept}, to add to before {@link #exchange}. */
    public static MultiMap accepting(String accept) {
        return HttpHeaders.headers().add(HttpHeaders.ACCEPT, accept);
    }

    /**
     * A 2xx answer's type and body, else {@link Refused}; a connection that fails or stays silent for the read
     * timeout fails the stage. {@code path} is relative to the service's URL; {@code body} may be null.
     */
    public CompletionStage<Answer> exchange(HttpMethod method, String path, MultiMap headers, String requestId,
            Buffer body) {
        headers.add(InternalToken.HEADER, InternalToken.current());
        if (requestId != null) {
            headers.add(RequestIds.HEADER, requestId);
        }
        var options = new RequestOptions().setMethod(method).setURI(base + path).setHeaders(headers)
                .setIdleTimeout(target.readTimeoutMs());
        // the whole exchange is chained on an event loop, so each handler is in place before the step it waits for
        // can complete. Chained from a worker thread, about one call in 20,000-30,000 under load never completed
        // (core: a degraded answer at the source's 1 s timeout); side by side with this, none did.
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(start -> http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(response -> response.body().map(bytes -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new Refused(target.service(), response.statusCode(), bytes.toString());
                    }
                    return new Answer(response.getHeader(HttpHeaders.CONTENT_TYPE), bytes);
                }))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer.complete(done.result());
                    } else {
                        answer.completeExceptionally(done.cause());
                    }
                }));
        return answer;
    }

    /**
     * Waits for a call, for a caller that may block: its own failure, or one for a call that outlived both timeouts.
     * Refused on an event loop, where the exchange itself would have to run: the wait could only end at the timeout.
     */
    public <T> T await(CompletionStage<T> call) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking call to " + target.service() + " on an event loop thread");
        }
        try {
            return call.toCompletableFuture().get(target.readTimeoutMs() + target.connectTimeoutMs(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new Unreachable(target.service(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unreachable(target.service(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(target.service(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
