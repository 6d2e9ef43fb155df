package org.musicdiscovery.web.infra;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An announced body over {@code quarkus.http.limits.max-body-size} is refused without being parsed, with the one
 * error body (Vert.x's own refusal would be an empty 413).
 */
@ApplicationScoped
public class BodyLimit {
    /** Bodies up to this many times the limit are read (and dropped) before the refusal; larger ones are not. */
    static final long DRAIN_FACTOR = 16;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize max;

    void routes(@Observes Router router) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String header = rc.request().getHeader("Content-Length");
            long length = header != null && !header.isEmpty() && header.length() < 19
                    && header.chars().allMatch(Character::isDigit) ? Long.parseLong(header) : -1;
            if (length > limit) {
                if (length <= DRAIN_FACTOR * limit) {
                    // read and drop the body, then answer: answered mid-upload, the client's unread bytes make
                    // our side reset the connection, and the reset can destroy the answer before it is read
                    rc.request().handler(ignored -> { }).endHandler(ignored -> refuse(rc, limit));
                } else {
                    refuse(rc, limit);
                }
                return;
            }
            rc.next();
        });
    }

    private static void refuse(RoutingContext rc, long limit) {
        if (!rc.response().ended()) {
            rc.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                    .end("{\"error\":{\"code\":\"body_too_large\",\"message\":\"request bodies are limited to "
                            + limit + " bytes\",\"field\":\"body\"}}");
        }
    }
}
