package org.musicdiscovery.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;

class PureGenreCacheTest {
    private final PureGenreCache cache = new PureGenreCache();
    private final AtomicInteger searches = new AtomicInteger();

    private CompletableFuture<List<Candidate>> search(CompletableFuture<List<Candidate>> answer) {
        searches.incrementAndGet();
        return answer;
    }

    private static List<Candidate> found(long id) {
        return List.of(new Candidate(new ItemRef(ItemType.SONG, id), Map.of("jazz", 1.0), 0, 1, Set.of("vector")));
    }

    @Test
    void aGenreIsSearchedOncePerVersionTypesAndDepth() {
        String key = PureGenreCache.key("cat1+genre@v1", "jazz", List.of("song"), 25);
        var first = cache.get(key, () -> search(CompletableFuture.completedFuture(found(1))));
        var again = cache.get(key, () -> search(CompletableFuture.completedFuture(found(2))));
        assertEquals(1, searches.get());
        assertEquals(first.join(), again.join());

        cache.get(PureGenreCache.key("cat1+genre@v2", "jazz", List.of("song"), 25),
                () -> search(CompletableFuture.completedFuture(found(3))));
        cache.get(PureGenreCache.key("cat1+genre@v1", "jazz", List.of("playlist"), 25),
                () -> search(CompletableFuture.completedFuture(found(4))));
        cache.get(PureGenreCache.key("cat1+genre@v1", "jazz", List.of("song"), 50),
                () -> search(CompletableFuture.completedFuture(found(5))));
        assertEquals(4, searches.get(), "a new version, type filter or depth is a new search");
    }

    @Test
    void concurrentLookupsShareTheSearchInFlight() {
        var pending = new CompletableFuture<List<Candidate>>();
        String key = PureGenreCache.key("v", "soul", List.of(), 20);
        var a = cache.get(key, () -> search(pending));
        var b = cache.get(key, () -> search(CompletableFuture.completedFuture(found(9))));
        assertSame(a, b);
        pending.complete(found(7));
        assertEquals(7, b.join().getFirst().ref().id());
        assertEquals(1, searches.get());
    }

    @Test
    void aFailedSearchIsNotKept() {
        String key = PureGenreCache.key("v", "funk", List.of(), 20);
        var failed = cache.get(key, () -> search(CompletableFuture.failedFuture(new IllegalStateException("down"))));
        assertThrows(CompletionException.class, failed::join);
        var retried = cache.get(key, () -> search(CompletableFuture.completedFuture(found(1))));
        assertEquals(1, retried.join().size());
        assertEquals(2, searches.get());
        var thrown = cache.get(PureGenreCache.key("v", "rock", List.of(), 20), () -> {
            throw new IllegalStateException("client refused");
        });
        assertThrows(CompletionException.class, thrown::join);
        assertEquals(1, cache.size(), "only the successful entry stays");
    }

    @Test
    void theMapIsBounded() {
        for (int i = 0; i < PureGenreCache.MAX_ENTRIES + 10; i++) {
            cache.get(PureGenreCache.key("v", "g" + i, List.of(), 20), () -> CompletableFuture.completedFuture(found(1)));
        }
        assertTrue(cache.size() <= PureGenreCache.MAX_ENTRIES);
    }
}
