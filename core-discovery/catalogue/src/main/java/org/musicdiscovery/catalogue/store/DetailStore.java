package org.musicdiscovery.catalogue.store;

import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entity details in Redis: bulk reads in one MGET round trip, bulk writes through a pipeline.
 * Works with any {@link UnifiedJedis} (e.g. {@code RedisClient.create(URI)}).
 */
public final class DetailStore {

    private static final int PIPELINE_BATCH = 2_000;

    private final UnifiedJedis redis;

    public DetailStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Details found in Redis for the given refs (one MGET); missing or undecodable entries are absent. */
    public Map<ItemRef, EntityDetail> getAll(List<ItemRef> refs) {
        Map<ItemRef, EntityDetail> out = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        byte[][] keys = new byte[refs.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = DetailCodec.key(refs.get(i));
        }
        List<byte[]> values = redis.mget(keys);
        for (int i = 0; i < keys.length; i++) {
            byte[] v = values.get(i);
            if (v != null) {
                try {
                    out.put(refs.get(i), DetailCodec.decode(v));
                } catch (IllegalArgumentException corrupt) {
                    // treated as a miss: the caller falls back to PostgreSQL and re-caches
                }
            }
        }
        return out;
    }

    /** Writes details with pipelines of {@value #PIPELINE_BATCH} commands. */
    public void putAll(Collection<EntityDetail> details) {
        int inBatch = 0;
        AbstractPipeline pipeline = redis.pipelined();
        try {
            for (EntityDetail d : details) {
                pipeline.set(DetailCodec.key(d.ref()), DetailCodec.encode(d));
                if (++inBatch == PIPELINE_BATCH) {
                    pipeline.sync();
                    inBatch = 0;
                }
            }
            pipeline.sync();
        } finally {
            pipeline.close();
        }
    }

    /**
     * Deletes detail keys of items not in {@code current} (left by an ingest of other data); SCAN, not KEYS, so
     * Redis keeps serving meanwhile. Returns how many were deleted.
     */
    public long retainOnly(Set<ItemRef> current) {
        long deleted = 0;
        ScanParams params = new ScanParams().match(DetailCodec.KEY_PATTERN).count(5_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            List<String> stale = page.getResult().stream()
                    .filter(key -> DetailCodec.refOf(key).map(ref -> !current.contains(ref)).orElse(false)).toList();
            if (!stale.isEmpty()) {
                deleted += redis.del(stale.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return deleted;
    }

    public void setVersion(String version) {
        redis.set(DetailCodec.VERSION_KEY, version);
    }

    public String version() {
        return redis.get(DetailCodec.VERSION_KEY);
    }
}
