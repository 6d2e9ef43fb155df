package org.musicdiscovery.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.musicdiscovery.core.aggregate.VectorSearchClient;

class VersionSourceTest {

    @Test
    void aKeyVersionNamesExactlyTheIndexVersionsItWasReadWith() {
        String key = "cat-1+embedding@v5,genre@v20261201-2";
        assertTrue(VersionSource.names(key, "genre@v20261201-2"));
        assertTrue(VersionSource.names(key, "embedding@v5"));
        assertFalse(VersionSource.names(key, "genre@v20261201-3"), "the next version answered: not cacheable");
        assertFalse(VersionSource.names(key, "genre@v2026"), "a prefix is not the version");
        assertFalse(VersionSource.names("cat-1+vectors-unavailable", "genre@v1"));
        assertFalse(VersionSource.names("unknown", "genre@v1"));
    }

    @Test
    @Timeout(30) // callers that wait for the re-read would block here until the latch opens
    void aStaleVersionIsReReadByOneCallerWhileTheOthersKeepThePreviousOne() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        VersionSource source = new VersionSource();
        source.cache = new ResultCache() {
            @Override
            public Optional<String> catalogueVersion() {
                if (reads.incrementAndGet() > 1) {
                    await(release); // the re-read is slow, as under load
                }
                return Optional.of("cat-" + reads.get());
            }
        };
        source.vectors = new VectorSearchClient() {
            @Override
            public List<CollectionStatus> collections() {
                return List.of(new CollectionStatus("genre", "v1", null));
            }
        };
        assertEquals("cat-1+genre@v1", source.current());
        assertEquals("cat-1+genre@v1", source.current(), "fresh: not read again");
        Thread.sleep(1_100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> reader = pool.submit(source::current);
            while (reads.get() < 2) {
                Thread.onSpinWait();
            }
            List<Future<String>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(source::current));
            }
            for (Future<String> f : others) {
                assertEquals("cat-1+genre@v1", f.get(), "did not wait for the re-read");
            }
            release.countDown();
            assertEquals("cat-2+genre@v1", reader.get());
            assertEquals(2, reads.get());
            assertEquals("cat-2+genre@v1", source.current());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
