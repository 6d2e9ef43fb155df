package org.musicdiscovery.core.aggregate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The purest items of one genre, per item-type filter and depth, for the index version that found them. They depend
 * on nothing else, so asking vector-search again for every mix that names the genre was two thirds of a two-genre
 * query's vector traffic. Entries are keyed by the version string, so an index swap or a new ingest makes them
 * unreachable; the map is bounded (genres × type filters × depths is small) and simply emptied when full. Identical
 * concurrent lookups share one search; a failed search is not kept.
 */
final class PureGenreCache {
    static final int MAX_ENTRIES = 4096;

    private final ConcurrentHashMap<String, CompletableFuture<List<Candidate>>> entries = new ConcurrentHashMap<>();

    static String key(String version, String genre, List<String> types, int depth) {
        return version + '|' + genre + '|' + String.join(",", types) + '|' + depth;
    }

    CompletableFuture<List<Candidate>> get(String key, Supplier<CompletableFuture<List<Candidate>>> search) {
        CompletableFuture<List<Candidate>> known = entries.get(key);
        if (known != null) {
            return known;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        var mine = new CompletableFuture<List<Candidate>>();
        known = entries.putIfAbsent(key, mine);
        if (known != null) {
            return known;
        }
        try {
            search.get().whenComplete((found, failure) -> {
                if (failure != null) {
                    entries.remove(key, mine);
                    mine.completeExceptionally(failure);
                } else {
                    mine.complete(List.copyOf(found));
                }
            });
        } catch (RuntimeException e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    int size() {
        return entries.size();
    }
}
