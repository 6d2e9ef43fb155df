package org.musicdiscovery.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question about one type is answered from that type's own sparse index with exactly the answer of the index over
 * all items under the type filter (ids, order, scores, foundBy), the excluded seed included; a type index that does
 * not match the collection refuses the version.
 */
class TypedSparseTest {
    @TempDir
    static Path root;
    static ExecutorService pool;
    static Samples.Sample sample;
    static LoadedCollection typed;
    static LoadedCollection untyped;

    @BeforeAll
    static void build() throws IOException {
        pool = Executors.newFixedThreadPool(2);
        sample = Samples.random(3000, 40, 11);
        Path dir = CollectionBuilder.build(root, "typed", sample.items(), sample.dims(), List.of("dot", "angular"), 3,
                42, 1, "test", msg -> { });
        typed = LoadedCollection.open(dir, AnnoyTrees::open);
        untyped = LoadedCollection.open(withoutTypes(dir, "untyped"), AnnoyTrees::open);
    }

    @AfterAll
    static void close() {
        typed.retire();
        untyped.retire();
        pool.shutdownNow();
    }

    /** A copy of a version as built before the per-type indexes: its manifest names none. */
    static Path withoutTypes(Path dir, String name) throws IOException {
        Path copy = root.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        CollectionManifest m = CollectionManifest.read(dir);
        new CollectionManifest(m.name(), m.version(), m.space(), m.dimension(), m.nItems(), m.trees(), m.items(),
                m.dims(), m.source(), m.sparseIndex(), m.itemOrder(), m.facts()).write(copy);
        return copy;
    }

    static CollectionSearch.Result search(LoadedCollection c, float[] q, int k, List<String> metrics,
            Set<Character> types, int exclude) {
        return CollectionSearch.search(c, new CollectionSearch.Query(q, k, -1, metrics, types, false, exclude,
                Strategy.EXACT), pool);
    }

    @Test
    void everyTypeHasItsIndexAndAVersionWithoutThemHasNone() {
        for (char type : new char[] {'s', 'p', 'a'}) {
            TypedSparse t = typed.sparse(type);
            assertNotNull(t, "type " + type);
            assertEquals(typed.count(type), t.index().nItems(), "items of type " + type);
            assertNull(untyped.sparse(type));
        }
    }

    @Test
    void aQuestionAboutOneTypeGetsTheFilteredAnswerOfTheIndexOverAllItems() {
        Random r = new Random(4);
        int f = sample.dims().size(), checked = 0;
        for (int i = 0; i < 300; i++) {
            float[] q = new float[f];
            for (int t = 1 + r.nextInt(3); t > 0; t--) {
                q[(int) (f * Math.pow(r.nextDouble(), 2))] += 0.1f + r.nextFloat();
            }
            char type = "spa".charAt(i % 3);
            List<String> metrics = List.of(List.of("dot"), List.of("angular"), List.of("dot", "angular")).get(i % 3);
            int k = new int[] {1, 10, 100, 2000}[i % 4];
            // an item of the asked type, of another type, or none left out, as a "more like this" seed is
            int exclude = i % 5 == 0 ? r.nextInt(sample.size()) : -1;
            var expected = search(untyped, q, k, metrics, Set.of(type), exclude);
            var actual = search(typed, q, k, metrics, Set.of(type), exclude);
            assertEquals(expected.hits().stream().map(TypedSparseTest::comparable).toList(),
                    actual.hits().stream().map(TypedSparseTest::comparable).toList(),
                    metrics + " k=" + k + " type " + type + " exclude " + exclude);
            assertTrue(actual.hits().stream().allMatch(h -> h.typeCode() == type && h.item() != exclude));
            checked += actual.hits().size();
        }
        assertTrue(checked > 10_000, "hits compared: " + checked);
    }

    @Test
    void anIdMapThatDoesNotMatchTheCollectionRefusesTheVersion() throws IOException {
        Path dir = CollectionBuilder.build(root, "swapped", sample.items(), sample.dims(), List.of("dot"), 2, 1, 1,
                "test", msg -> { });
        Path ids = dir.resolve(TypedSparse.fileName('p') + ".ids");
        ByteBuffer map = ByteBuffer.wrap(Files.readAllBytes(ids)).order(ByteOrder.LITTLE_ENDIAN);
        int first = map.getInt(0);
        map.putInt(0, map.getInt(4)); // two playlists swapped: out of order
        map.putInt(4, first);
        Files.write(ids, map.array());
        var e = assertThrows(InvalidCollectionException.class, () -> LoadedCollection.open(dir, AnnoyTrees::open));
        assertTrue(e.getMessage().contains(TypedSparse.fileName('p')), e.getMessage());
        Files.write(ids, new byte[8]); // and one too short
        e = assertThrows(InvalidCollectionException.class, () -> LoadedCollection.open(dir, AnnoyTrees::open));
        assertTrue(e.getMessage().contains(ids + ": 8 bytes, expected " + 4 * typed.count('p')), e.getMessage());
    }

    /** A hit without its vector, comparable: the record's arrays compare by identity. */
    static List<Object> comparable(CollectionSearch.Hit h) {
        return List.of(h.item(), h.typeCode(), h.id(), h.dot(), h.cosine(), h.foundBy());
    }
}
