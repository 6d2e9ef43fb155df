package org.musicdiscovery.core.infra;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.musicdiscovery.catalogue.store.CatalogueDetails;
import org.musicdiscovery.catalogue.store.DetailStore;
import org.musicdiscovery.catalogue.store.ItemContents;
import org.musicdiscovery.catalogue.store.KeywordSearch;
import org.musicdiscovery.catalogue.store.UsedGenres;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Wires the catalogue library (plain Java) to the service's datasource and Redis. */
@ApplicationScoped
public class CatalogueBeans {

    /**
     * Short timeouts: when Redis is slow or down the pipeline falls back quickly instead of hanging. The URL may carry
     * a user and password and use {@code rediss://} (TLS), like the ingest CLI's.
     */
    @Produces
    @Singleton
    RedisClient redis(@ConfigProperty(name = "discovery.redis.url") String url,
            @ConfigProperty(name = "discovery.redis.timeout-ms") int timeoutMs) {
        URI uri = URI.create(url);
        String path = uri.getPath();
        int db = path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setMaxWait(Duration.ofMillis(timeoutMs));
        pool.setJmxEnabled(false);
        var client = DefaultJedisClientConfig.builder().database(db).timeoutMillis(timeoutMs)
                .ssl("rediss".equals(uri.getScheme()));
        String userInfo = uri.getUserInfo(); // redis://[user]:password@host: managed Redis needs AUTH
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? null : userInfo.substring(0, colon);
            client.user(user == null || user.isEmpty() ? null : user)
                    .password(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        }
        return RedisClient.builder()
                .hostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379)
                .clientConfig(client.build())
                .poolConfig(pool)
                .build();
    }

    void close(@Disposes RedisClient redis) {
        redis.close();
    }

    @Produces
    @Singleton
    DetailStore detailStore(RedisClient redis) {
        return new DetailStore(redis);
    }

    @Produces
    @Singleton
    KeywordSearch keywordSearch(AgroalDataSource dataSource) {
        return new KeywordSearch(dataSource);
    }

    @Produces
    @Singleton
    CatalogueDetails catalogueDetails(AgroalDataSource dataSource) {
        return new CatalogueDetails(dataSource);
    }

    @Produces
    @Singleton
    ItemContents itemContents(AgroalDataSource dataSource) {
        return new ItemContents(dataSource);
    }

    @Produces
    @Singleton
    UsedGenres usedGenres(AgroalDataSource dataSource) {
        return new UsedGenres(dataSource);
    }
}
