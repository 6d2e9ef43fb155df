package org.musicdiscovery.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ParsedQuery;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Ranked pages in Redis under their {@link QueryKey}. The cache is an accelerator only: when Redis is slow or down
 * every call reports "unavailable" and the pipeline runs uncached, it never fails because of the cache.
 * Pages are kept as {@link StoredPage}s, answered without being decoded.
 * <p>
 * Each replica also keeps the pages it read or wrote lately in its heap, bounded in bytes, and looks there first:
 * a page never changes under its key (the key names the data version), so the copy cannot be stale, and a hit then
 * costs no Redis round trip — on this machine that round trip was a fifth of a hit's CPU in core, plus Redis's own.
 */
@ApplicationScoped
public class ResultCache {
    private static final Logger LOG = Logger.getLogger(ResultCache.class);

    /** What a lookup found. */
    public sealed interface Lookup {
        /** @param page the stored JSON object, without the per-request fields ({@link StoredPage}) */
        record Hit(byte[] page) implements Lookup {
        }

        record Miss() implements Lookup {
        }

        record Unavailable() implements Lookup {
        }
    }

    @Inject
    RedisClient redis;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "discovery.cache.ttl-seconds")
    long ttlSeconds;
    @ConfigProperty(name = "discovery.cache.enabled")
    boolean enabled;
    @ConfigProperty(name = "discovery.cache.local-mb", defaultValue = "64")
    int localMb;
    @ConfigProperty(name = "discovery.cache.local-ttl-seconds", defaultValue = "60")
    long localTtlSeconds;

    /** Pages by key in this replica's heap; null when {@code discovery.cache.local-mb} is 0. */
    private Cache<String, byte[]> local;

    @PostConstruct
    void buildLocal() {
        if (localMb > 0) {
            // upkeep on the calling thread: a put on the event loop must not queue work for the common pool
            local = Caffeine.newBuilder().maximumWeight(localMb * 1_048_576L).executor(Runnable::run)
                    .weigher((String key, byte[] page) -> page.length + 2 * key.length() + 100)
                    .expireAfterWrite(Duration.ofSeconds(Math.max(1, Math.min(ttlSeconds, localTtlSeconds)))).build();
        }
    }

    public Lookup get(String key) {
        byte[] near = getLocal(key);
        return near != null ? new Lookup.Hit(near) : getShared(key);
    }

    /** {@link #get} past this replica's heap: the page in Redis, held here from then on. */
    public Lookup getShared(String key) {
        if (!enabled) {
            return new Lookup.Unavailable();
        }
        try {
            byte[] bytes = redis.get(key.getBytes(StandardCharsets.UTF_8));
            if (bytes == null || !StoredPage.isPage(bytes)) {
                meters.counter("discovery.cache", "result", "miss").increment();
                return new Lookup.Miss();
            }
            meters.counter("discovery.cache", "result", "hit").increment();
            keepLocal(key, bytes);
            return new Lookup.Hit(bytes);
        } catch (RuntimeException e) {
            meters.counter("discovery.cache", "result", "unavailable").increment();
            LOG.warnf("result cache unavailable, running uncached: %s", e.getMessage());
            return new Lookup.Unavailable();
        }
    }

    /** A computed page as stored and sent ({@link StoredPage}). */
    public byte[] page(DiscoverResponse response) {
        try {
            return StoredPage.of(json, response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("page not writable", e);
        }
    }

    public void put(String key, byte[] page) {
        if (!enabled) {
            return;
        }
        keepLocal(key, page);
        try {
            redis.set(key.getBytes(StandardCharsets.UTF_8), page, SetParams.setParams().ex(ttlSeconds));
        } catch (RuntimeException e) {
            LOG.debugf("result not cached: %s", e.getMessage());
        }
    }

    /** The page if this replica holds it, else null: never a blocking call. */
    public byte[] getLocal(String key) {
        byte[] page = !enabled || local == null ? null : local.getIfPresent(key);
        if (page != null) {
            meters.counter("discovery.cache", "result", "hit").increment();
            meters.counter("discovery.cache.local.hits").increment();
        }
        return page;
    }

    private void keepLocal(String key, byte[] page) {
        if (local != null) {
            local.put(key, page);
        }
    }

    /** A page as a whole {@link DiscoverResponse} body, with this request's parse, timings and cache state. */
    public byte[] answer(byte[] page, ParsedQuery parsed, String state, Map<String, Double> timings) {
        return StoredPage.answer(json, page, parsed, state, timings);
    }

    /** The catalogue version written by the last ingest, or empty when Redis cannot say. */
    public Optional<String> catalogueVersion() {
        try {
            return Optional.ofNullable(redis.get("catalogue:version"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
