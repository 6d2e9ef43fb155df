package org.musicdiscovery.core.populate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.store.CatalogueDetails;
import org.musicdiscovery.catalogue.store.DetailStore;

/**
 * Fills in the details of a page of items: one bulk Redis read for the whole page; whatever Redis lacks (or all of
 * it, when Redis is down) comes from PostgreSQL and is written back so the next page is served from Redis. The
 * {@value #READ_METRIC} summary records how many items each call asked for.
 * <p>
 * A search page also looks first at the details this replica read lately under the same data version (bounded by
 * {@code discovery.details.local-items}, 0: off): popular items come back on page after page, and each Redis read
 * costs both processes a round trip. An ingest rewrites details in Redis and then bumps the catalogue version, so
 * a new version starts with an empty set; an ingest killed before its bump leaves the version as it was, so a held
 * detail is also read again after {@link #HELD_FOR}.
 */
@ApplicationScoped
public class DetailPopulator {
    private static final Logger LOG = Logger.getLogger(DetailPopulator.class);
    public static final String READ_METRIC = "discovery.details.read";
    static final Duration HELD_FOR = Duration.ofMinutes(10);

    @Inject
    DetailStore redis;
    @Inject
    CatalogueDetails database;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "discovery.details.local-items", defaultValue = "20000")
    int localItems;

    private volatile Held held;

    /** The details read lately under one data version. */
    private record Held(String version, Cache<ItemRef, EntityDetail> details) {
    }

    public Map<ItemRef, EntityDetail> populate(List<ItemRef> refs) {
        if (!refs.isEmpty()) {
            meters.summary(READ_METRIC).record(refs.size());
        }
        return read(refs);
    }

    /** As {@link #populate(List)}, the details held for {@code version} first. */
    public Map<ItemRef, EntityDetail> populate(List<ItemRef> refs, String version) {
        Cache<ItemRef, EntityDetail> local = held(version);
        if (local == null || refs.isEmpty()) {
            return populate(refs);
        }
        meters.summary(READ_METRIC).record(refs.size());
        Map<ItemRef, EntityDetail> found = new HashMap<>(local.getAllPresent(refs));
        if (!found.isEmpty()) {
            meters.counter("discovery.details.local.hits").increment(found.size());
        }
        if (found.size() < refs.size()) {
            Map<ItemRef, EntityDetail> read = read(refs.stream().filter(r -> !found.containsKey(r)).toList());
            local.putAll(read);
            found.putAll(read);
        }
        return found;
    }

    private Cache<ItemRef, EntityDetail> held(String version) {
        if (localItems <= 0 || version == null) {
            return null;
        }
        Held h = held;
        if (h == null || !h.version().equals(version)) {
            h = new Held(version, Caffeine.newBuilder().maximumSize(localItems).expireAfterWrite(HELD_FOR)
                    .executor(Runnable::run).build());
            held = h;
        }
        return h.details();
    }

    private Map<ItemRef, EntityDetail> read(List<ItemRef> refs) {
        Map<ItemRef, EntityDetail> found = new HashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        boolean redisUp = true;
        try {
            found.putAll(redis.getAll(refs));
        } catch (RuntimeException e) {
            redisUp = false;
            meters.counter("discovery.details.redis.failures").increment();
            LOG.warnf("Redis unavailable for details, reading PostgreSQL: %s", e.getMessage());
        }
        List<ItemRef> missing = new ArrayList<>();
        for (ItemRef ref : refs) {
            if (!found.containsKey(ref)) {
                missing.add(ref);
            }
        }
        if (!missing.isEmpty()) {
            meters.counter("discovery.details.fallback").increment(missing.size());
            Map<ItemRef, EntityDetail> loaded = database.load(missing);
            found.putAll(loaded);
            if (redisUp && !loaded.isEmpty()) {
                recache(loaded);
            }
        }
        return found;
    }

    private void recache(Map<ItemRef, EntityDetail> loaded) {
        try {
            redis.putAll(loaded.values());
        } catch (RuntimeException e) {
            LOG.debugf("could not re-cache details: %s", e.getMessage());
        }
    }
}
