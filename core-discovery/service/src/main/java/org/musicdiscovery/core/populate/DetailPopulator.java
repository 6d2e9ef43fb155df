package org.musicdiscovery.core.populate;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.store.CatalogueDetails;
import org.musicdiscovery.catalogue.store.DetailStore;

/**
 * Fills in the details of a page of items: one bulk Redis read for the whole page; whatever Redis lacks (or all of
 * it, when Redis is down) comes from PostgreSQL and is written back so the next page is served from Redis. The
 * {@value #READ_METRIC} summary records how many items each call asked for.
 */
@ApplicationScoped
public class DetailPopulator {
    private static final Logger LOG = Logger.getLogger(DetailPopulator.class);
    public static final String READ_METRIC = "discovery.details.read";

    @Inject
    DetailStore redis;
    @Inject
    CatalogueDetails database;
    @Inject
    MeterRegistry meters;

    public Map<ItemRef, EntityDetail> populate(List<ItemRef> refs) {
        Map<ItemRef, EntityDetail> found = new HashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        meters.summary(READ_METRIC).record(refs.size());
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
