package org.musicdiscovery.core.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.RedisClient;

/** Ready only when Redis answers: details live there. (PostgreSQL is checked by the datasource's own check.) */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {
    @Inject
    RedisClient redis;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("redis");
        try {
            return builder.status("PONG".equals(redis.ping())).build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
