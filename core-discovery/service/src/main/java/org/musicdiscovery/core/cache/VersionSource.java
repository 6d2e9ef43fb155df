package org.musicdiscovery.core.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.musicdiscovery.core.aggregate.VectorSearchClient;

/**
 * The data version results depend on, for cache keys: the catalogue version the last ingest wrote to Redis plus the
 * index versions vector-search serves. Read at most once per second, so a new ingest or index swap invalidates
 * cached pages within a second without extra round trips on every request.
 */
@ApplicationScoped
public class VersionSource {
    private static final long REFRESH_NANOS = 1_000_000_000L;

    @Inject
    ResultCache cache;
    @Inject
    VectorSearchClient vectors;

    private volatile String version;
    private final AtomicLong readAt = new AtomicLong();

    /**
     * The version, re-read when a second old. One caller re-reads (a Redis GET and a call to vector-search, which
     * under load waits behind searches); callers arriving meanwhile keep the previous version instead of all
     * re-reading at once. The very first call always reads.
     */
    public String current() {
        long now = System.nanoTime();
        long at = readAt.get();
        boolean stale = version == null || now - at > REFRESH_NANOS;
        if (stale && (readAt.compareAndSet(at, now) || version == null)) {
            String catalogue = cache.catalogueVersion().orElse("unknown");
            version = catalogue + "+" + indexVersions();
        }
        return version;
    }

    /** The version if read less than a second ago, else null: never a blocking call. */
    public String currentIfFresh() {
        String v = version;
        return v != null && System.nanoTime() - readAt.get() <= REFRESH_NANOS ? v : null;
    }

    /** Whether a version string from {@link #current()} names {@code collectionAtVersion} (e.g. genre@v2). */
    public static boolean names(String version, String collectionAtVersion) {
        int plus = version.indexOf('+');
        String indices = plus < 0 ? "" : version.substring(plus + 1);
        return java.util.Arrays.asList(indices.split(",")).contains(collectionAtVersion);
    }

    private String indexVersions() {
        try {
            return vectors.collections().stream().map(c -> c.collection() + "@" + c.version()).sorted()
                    .collect(Collectors.joining(","));
        } catch (RuntimeException e) {
            return "vectors-unavailable"; // degraded answers are not cached anyway
        }
    }
}
