package org.musicdiscovery.core.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.RedisClient;

/**
 * Ready while at least one catalogue store answers. Either alone keeps core useful — without Redis it runs uncached
 * with details from PostgreSQL, without PostgreSQL genre search goes on with details from Redis and only keyword
 * search degrades — so one shared store's outage must not mark every replica unready and take the whole tier out of
 * its load balancer. Both states are reported. (The datasource's own readiness check is switched off for this.)
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    @Inject
    RedisClient redis;
    @Inject
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean redisUp = redisUp();
        boolean postgresUp = postgresUp();
        return HealthCheckResponse.named("catalogue-stores")
                .status(redisUp || postgresUp)
                .withData("redis", redisUp ? "up" : "down")
                .withData("postgresql", postgresUp ? "up" : "down")
                .build();
    }

    private boolean redisUp() {
        try {
            return "PONG".equals(redis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean postgresUp() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}
