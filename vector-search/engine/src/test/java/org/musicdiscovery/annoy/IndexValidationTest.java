package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files are refused at open with a clear message; good ones are reproducible and checked against manifests. */
class IndexValidationTest {
    static final int F = 8;

    @TempDir
    Path dir;
    Path good;

    @BeforeEach
    void build() throws IOException {
        good = dir.resolve("good.annoy");
        build(good, Metric.of("angular"), 42, 1);
    }

    static IndexManifest build(Path file, Metric metric, long seed, int threads) throws IOException {
        float[][] items = Oracle.data(500, F, true, 7);
        try (var b = new AnnoyBuilder(metric, F).seed(seed).threads(threads)) {
            return TestIndexes.build(b, items, 5, file);
        }
    }

    @Test
    void manifestDescribesTheFile() throws IOException {
        IndexManifest m = IndexManifest.read(good);
        assertEquals("angular", m.metric());
        assertEquals(F, m.dimension());
        assertEquals(500, m.nItems());
        assertEquals(5, m.nTrees());
        assertEquals(Files.size(good), m.fileBytes());
        assertEquals(m.nNodes() * (12 + 4 * F), m.fileBytes());
        try (AnnoyIndex index = AnnoyIndex.open(good)) {
            assertEquals(500, index.nItems());
            assertEquals(5, index.nTrees());
        }
    }

    @Test
    void anIndexOfFewerItemsThanALeafHoldsLoadsAndAnswersExactly() throws IOException {
        for (String metric : new String[] {"angular", "dot", "euclidean"}) {
            Path small = dir.resolve("small-" + metric + ".annoy");
            float[][] items = Oracle.data(13, 300, true, 3); // K ≥ 300 for every metric at f = 300
            try (var b = new AnnoyBuilder(Metric.of(metric), 300).seed(1).threads(1)) {
                TestIndexes.build(b, items, 5, small);
            }
            try (AnnoyIndex index = AnnoyIndex.open(small)) { // Annoy's load() finds 9 roots for the 5 trees
                assertEquals(13, index.nItems(), metric);
                int[] ids = new int[13];
                float[] distances = new float[13];
                int n = index.search(items[4], 13, -1, ids, distances);
                assertEquals(13, n, metric + ": every item is found");
                if (!metric.equals("dot")) { // under dot a longer item can outscore the query's own
                    assertEquals(4, ids[0], metric + ": the query's own item first");
                }
            }
        }
    }

    @Test
    void buildsAreDeterministicWhateverTheThreadCount() throws IOException {
        Path a = dir.resolve("a.annoy"), b = dir.resolve("b.annoy");
        build(a, Metric.of("dot"), 9, 1);
        build(b, Metric.of("dot"), 9, 2);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Path c = dir.resolve("c.annoy");
        build(c, Metric.of("dot"), 10, 1);
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "the seed matters");
    }

    @Test
    void buildingSubtreesFromCopiesOfTheirItemsWritesTheSameFile() throws IOException {
        // 20,000 items of 24 dimensions: subtrees of up to 5,000 items are copied, and copied again at 1,250, 312…;
        // each thread reuses its copies for the next tree, and grows them when a subtree needs more room
        float[][] items = Oracle.data(20_000, 24, true, 11);
        for (String metric : new String[] {"angular", "dot", "euclidean"}) {
            Path direct = dir.resolve("direct.annoy"), copied = dir.resolve("copied.annoy");
            Path copied2 = dir.resolve("copied2.annoy");
            for (Path file : new Path[] {direct, copied, copied2}) {
                try (var b = new AnnoyBuilder(Metric.of(metric), 24).seed(5).threads(file == copied2 ? 2 : 1)) {
                    b.gatherBytes(file == direct ? 0 : TreeBuilder.GATHER_BYTES);
                    TestIndexes.build(b, items, 6, file);
                }
            }
            assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(copied), metric);
            assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(copied2), metric + ", two threads");
        }
    }

    @Test
    void buildsDoNotDependOnWhenTheJitCompiledTheKernels() throws IOException {
        // the first build runs the kernels interpreted or in C1, later ones in C2: the bytes must not change
        // (wide vectors, so the SIMD loops and their lane reductions run at all)
        float[][] items = Oracle.data(1500, 100, true, 9);
        Path first = dir.resolve("first.annoy"), later = dir.resolve("later.annoy");
        for (String metric : new String[] {"angular", "dot"}) {
            buildWide(first, Metric.of(metric), items);
            for (int i = 0; i < 12; i++) {
                buildWide(later, Metric.of(metric), items);
            }
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(later), metric);
        }
    }

    private static void buildWide(Path file, Metric metric, float[][] items) throws IOException {
        try (var b = new AnnoyBuilder(metric, items[0].length).seed(3).threads(1)) {
            TestIndexes.build(b, items, 4, file);
        }
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.annoy"));
        var e = assertThrows(AnnoyFormatException.class,
                () -> AnnoyIndex.openBare(empty, Metric.of("angular"), F, false));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        try (FileChannel ch = FileChannel.open(good, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 7);
        }
        var bare = assertThrows(AnnoyFormatException.class,
                () -> AnnoyIndex.openBare(good, Metric.of("angular"), F, false));
        assertTrue(bare.getMessage().contains("not a multiple"), bare.getMessage());
        var withManifest = assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.open(good));
        assertTrue(withManifest.getMessage().contains("truncated"), withManifest.getMessage());
    }

    @Test
    void wholeNodesMissingAreCaughtByTheManifest() throws IOException {
        try (FileChannel ch = FileChannel.open(good, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3L * (12 + 4 * F));
        }
        assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.open(good));
    }

    @Test
    void wrongMetricOrDimensionIsRefused() {
        assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.openBare(good, Metric.of("euclidean"), F, false));
        assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.openBare(good, Metric.of("angular"), F + 1, false));
        assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.openBare(good, Metric.of("angular"), F / 2, false));
    }

    @Test
    void garbageIsRefused() throws IOException {
        byte[] junk = new byte[(12 + 4 * F) * 100];
        new Random(1).nextBytes(junk);
        Path garbage = Files.write(dir.resolve("garbage.annoy"), junk);
        assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.openBare(garbage, Metric.of("angular"), F, false));
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(good, bytes);
        var e = assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.open(good));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        var e = assertThrows(AnnoyFormatException.class, () -> AnnoyIndex.open(dir.resolve("nope.annoy")));
        assertTrue(e.getMessage().contains("no such file"));
    }

    @Test
    void queriesOfTheWrongDimensionAreRejected() {
        try (AnnoyIndex index = AnnoyIndex.open(good)) {
            assertThrows(IllegalArgumentException.class, () -> index.search(new float[F + 1], 5, -1));
        }
    }

    @Test
    void treesApproachExactSearchAsSearchKGrows() {
        try (AnnoyIndex index = AnnoyIndex.open(good)) {
            var exact = new ExactSearch(index);
            float[][] queries = Oracle.data(50, F, true, 99);
            double low = 0, high = 0;
            for (float[] q : queries) {
                int[] truth = exact.search(q, 10);
                low += CppCompatibilityTest.recall(truth, index.search(q, 10, 20));
                high += CppCompatibilityTest.recall(truth, index.search(q, 10, 100_000));
            }
            assertEquals(1.0, high / queries.length, 1e-9, "search_k beyond n visits every item");
            assertTrue(low < high, "a small search_k trades recall for speed");
        }
    }
}
