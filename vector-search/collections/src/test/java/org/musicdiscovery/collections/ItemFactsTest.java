package org.musicdiscovery.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The item facts (popularity, duplicate-key hash) from the export's columns to the mapped file of a version. */
class ItemFactsTest {
    @TempDir
    Path root;

    private static final List<String> DIMS = List.of("blues", "funk", "rock");

    /** vid, type, id, genres, popularity, duplicate: two takes of one song, a playlist, an artist. */
    private Path export(String... lines) throws IOException {
        Path file = root.resolve("genre-vectors.tsv");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void factsFollowTheirItemsIntoPopularityOrder() throws IOException {
        Path file = export(
                "0\ts\t10\t0:1.0\t3.0\tcafe0000000000b1",
                "1\ts\t11\t0:0.5,2:0.5\t9.0\tcafe0000000000b1",
                "", // blank lines are skipped, as by every reader of the export
                "2\tp\t10\t1:1.0\t5.5\t-",
                "3\ta\t7\t2:1.0\t1.0\t-");
        CollectionBuilder.Items items = CollectionBuilder.readSparse(file, DIMS.size());
        assertEquals(0xcafe0000000000b1L, items.duplicates()[0], "hex read as an unsigned 64-bit hash");
        Path dir = CollectionBuilder.build(root, "genre", items, DIMS, List.of("angular"), 2, 1, 1, "test",
                msg -> { });
        assertEquals(ItemMap.FACTS_FILE, CollectionManifest.read(dir).facts());
        LoadedCollection c = LoadedCollection.open(dir, AnnoyTrees::open);
        try {
            ItemMap map = c.items();
            assertTrue(map.hasFacts());
            // numbered by popularity: song 11 (9.0), playlist 10 (5.5), song 10 (3.0), artist 7 (1.0)
            long[] ids = {11, 10, 10, 7};
            char[] types = {'s', 'p', 's', 'a'};
            double[] popularity = {9.0, 5.5, 3.0, 1.0};
            long[] duplicates = {0xcafe0000000000b1L, 0, 0xcafe0000000000b1L, 0};
            for (int i = 0; i < 4; i++) {
                assertEquals(types[i], map.typeCode(i));
                assertEquals(ids[i], map.catalogueId(i));
                assertEquals(popularity[i], map.popularity(i));
                assertEquals(duplicates[i], map.duplicate(i));
            }
        } finally {
            c.retire();
        }
    }

    @Test
    void anExportWithoutTheDuplicateColumnBuildsAVersionWithoutFacts() throws IOException {
        Path file = export("0\ts\t10\t0:1.0\t3.0", "1\tp\t10\t1:1.0\t5.5");
        CollectionBuilder.Items items = CollectionBuilder.readSparse(file, DIMS.size());
        assertNull(items.duplicates());
        Path dir = CollectionBuilder.build(root, "old", items, DIMS, List.of("angular"), 2, 1, 1, "test", msg -> { });
        assertNull(CollectionManifest.read(dir).facts());
        assertFalse(Files.exists(dir.resolve(ItemMap.FACTS_FILE)));
        LoadedCollection c = LoadedCollection.open(dir, AnnoyTrees::open);
        try {
            assertFalse(c.items().hasFacts());
        } finally {
            c.retire();
        }
    }

    @Test
    void linesWithAndWithoutTheDuplicateColumnAreRefused() throws IOException {
        Path file = export("0\ts\t10\t0:1.0\t3.0\tab", "1\tp\t10\t1:1.0\t5.5");
        var e = assertThrows(IllegalArgumentException.class, () -> CollectionBuilder.readSparse(file, DIMS.size()));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    }

    @Test
    void aTruncatedFactsFileRefusesTheWholeVersion() throws IOException {
        Path file = export("0\ts\t10\t0:1.0\t3.0\tab", "1\tp\t10\t1:1.0\t5.5\t-");
        Path dir = CollectionBuilder.build(root, "cut", CollectionBuilder.readSparse(file, DIMS.size()), DIMS,
                List.of("dot"), 2, 1, 1, "test", msg -> { });
        try (FileChannel ch = FileChannel.open(dir.resolve(ItemMap.FACTS_FILE), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1);
        }
        var e = assertThrows(InvalidCollectionException.class, () -> LoadedCollection.open(dir, AnnoyTrees::open));
        assertTrue(e.getMessage().contains(ItemMap.FACTS_FILE), e.getMessage());
    }
}
