package org.musicdiscovery.web.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.musicdiscovery.web.api.ApiProblem;
import org.musicdiscovery.web.api.RequestValidator;
import org.musicdiscovery.web.auth.Authenticator;
import org.musicdiscovery.web.auth.Caller;
import org.musicdiscovery.web.core.CoreGateway;

/**
 * {@code /api/v1/live}: search-as-you-type over one WebSocket per page. The caller is identified once, at the
 * upgrade (same rules as HTTP; browsers cannot send headers there, so a page is anonymous), and every message is
 * rate-limited like an HTTP request. Replies are asynchronous and carry the message's {@code seq}; the client
 * keeps only the newest. See {@link LiveSession} for the per-connection flow.
 */
@ApplicationScoped
public class LiveSearchSocket {
    public static final String PATH = "/api/v1/live";

    @Inject
    Authenticator auth;
    @Inject
    RequestValidator validate;
    @Inject
    CoreGateway core;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;

    private final AtomicInteger open = new AtomicInteger();

    void routes(@Observes Router router) {
        meters.gauge("web.live.connections", open);
        router.route(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext rc) {
        var request = rc.request();
        identify(rc, request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(Authenticator.KEY_HEADER),
                request.remoteAddress().hostAddress()).onComplete(identified -> {
                    if (identified.succeeded()) {
                        accept(rc, identified.result());
                    } else {
                        refuse(rc, identified.cause() instanceof ApiProblem p ? p : new ApiProblem(503,
                                "auth_unavailable", "API keys cannot be checked right now", null, 2));
                    }
                });
    }

    /** Here, unless a key the cache does not hold must be looked up in PostgreSQL: that goes to a worker. */
    private Future<Caller> identify(RoutingContext rc, String authorization, String key, String address) {
        if (auth.mayBlock(authorization, key)) {
            rc.request().pause(); // the upgrade happens after the lookup
            return rc.vertx().executeBlocking(() -> auth.identify(authorization, key, address), false);
        }
        try {
            return Future.succeededFuture(auth.identify(authorization, key, address));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void accept(RoutingContext rc, Caller caller) {
        var request = rc.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            refuse(rc, new ApiProblem(400, "websocket_required", "this endpoint speaks WebSocket only", null, null));
            return;
        }
        request.toWebSocket().onSuccess(ws -> {
            open.incrementAndGet();
            var session = new LiveSession(ws, caller, auth, validate, core, json, meters);
            ws.textMessageHandler(session::onText);
            ws.binaryMessageHandler(b -> session.onText(null));
            ws.closeHandler(v -> {
                open.decrementAndGet();
                session.close();
            });
        });
    }

    private void refuse(RoutingContext rc, ApiProblem p) {
        try {
            var response = rc.response().setStatusCode(p.status()).putHeader("Content-Type", "application/json");
            if (p.retryAfter() != null) {
                response.putHeader("Retry-After", String.valueOf(p.retryAfter()));
            }
            response.end(json.writeValueAsString(p.body()));
        } catch (Exception e) {
            rc.fail(500);
        }
    }
}
