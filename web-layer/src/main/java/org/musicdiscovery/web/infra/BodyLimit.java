package org.musicdiscovery.web.infra;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An announced body over {@code quarkus.http.limits.max-body-size} is refused before it is read, with the one
 * error body (Vert.x's own refusal would be an empty 413).
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize max;

    void routes(@Observes Router router) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .end("{\"error\":{\"code\":\"body_too_large\",\"message\":\"request bodies are limited to "
                                + limit + " bytes\",\"field\":\"body\"}}");
                return;
            }
            rc.next();
        });
    }
}
