package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sparse paths must give the dense kernel's bits, so walks, answers and built files cannot change. */
class SparseProbeTest {

    @TempDir
    Path dir;

    @Test
    void dotIsBitIdenticalToTheDenseKernelForEveryLengthShape() {
        Random r = new Random(11);
        int lanes = Simd.SPECIES.length();
        try (Arena arena = Arena.ofConfined()) {
            int[] lengths = IntStream.concat(IntStream.rangeClosed(SparseProbe.DENSITY, 5 * lanes + 3), IntStream.of(396))
                    .toArray();
            for (int f : lengths) {
                MemorySegment seg = arena.allocate(12 + 4L * f);
                for (int trial = 0; trial < 200; trial++) {
                    float[] v = new float[f];
                    for (int d = 0; d < f; d++) {
                        v[d] = (float) r.nextGaussian();
                    }
                    MemorySegment.copy(v, 0, seg, Simd.FLOAT, 12, f);
                    float[] q = new float[f];
                    for (int t = 1 + r.nextInt(f / SparseProbe.DENSITY); t > 0; t--) {
                        q[r.nextInt(f)] = (float) r.nextGaussian() * 3;
                    }
                    SparseProbe probe = new SparseProbe();
                    assertTrue(probe.set(q, f));
                    float dense = Simd.dot(q, seg, 12, f);
                    assertEquals(Float.floatToIntBits(dense), Float.floatToIntBits(probe.dot(seg, 12)),
                            "f=" + f + " trial " + trial + ": " + dense + " vs " + probe.dot(seg, 12));
                }
            }
        }
    }

    @Test
    void sparseItemSumsAreBitIdenticalToTheDenseKernel() {
        Random r = new Random(13);
        for (int f : new int[] {SparseItems.MIN_DIMENSIONS, 150, 396, 1000}) {
            int vo = 12;
            NodeStore items = new NodeStore(vo + 4 * f, 300);
            items.ensure(300);
            for (int i = 0; i < 300; i++) {
                float[] x = new float[f];
                for (int t = 1 + r.nextInt(f / SparseProbe.DENSITY); t > 0; t--) {
                    x[r.nextInt(f)] = (float) r.nextGaussian();
                }
                items.setNd(i, 1);
                items.setFloats(i, vo, x, f);
            }
            SparseItems sparse = SparseItems.of(items, 300, vo, f, Long.MAX_VALUE);
            Plane p = new Plane(f);
            for (int trial = 0; trial < 50; trial++) {
                for (int d = 0; d < f; d++) {
                    p.v[d] = (float) r.nextGaussian();
                }
                for (int i = 0; i < 300; i++) {
                    assertTrue(sparse.has(i));
                    float dense = Simd.dot(p.v, items.segment(), items.offset(i) + vo, f);
                    assertEquals(Float.floatToIntBits(dense), Float.floatToIntBits(sparse.dot(p.v, i, p.acc)),
                            "f=" + f + " item " + i);
                }
            }
            items.close();
        }
    }

    @Test
    void idsNeverAddedAreNeverAnswered() throws IOException {
        int f = 40;
        float[][] items = Oracle.data(900, f, true, 3);
        Path file = dir.resolve("gaps.annoy");
        try (var b = new AnnoyBuilder(Metric.of("angular"), f).seed(2).threads(1)) {
            for (int i = 0; i < items.length; i++) {
                if (i % 7 != 3) { // ids 3, 10, 17, … stay holes (n_descendants 0), as Annoy #284 has them
                    b.addItem(i, items[i]);
                }
            }
            b.build(5, t -> { });
            b.save(file);
        }
        float[][] queries = Oracle.mixes(100, f, 8);
        System.arraycopy(Oracle.data(50, f, true, 9), 0, queries, 0, 50); // half dense
        try (AnnoyIndex index = AnnoyIndex.open(file)) {
            for (float[] q : queries) {
                for (int searchK : new int[] {-1, 5000}) {
                    for (int id : index.search(q, 50, searchK)) {
                        assertTrue(id % 7 != 3, "answered the never-added id " + id);
                    }
                    for (int id : index.candidates(q, 50, searchK)) {
                        assertTrue(id % 7 != 3, "walked onto the never-added id " + id);
                    }
                }
            }
        }
    }

    @Test
    void denseQueriesAreLeftToTheDenseKernel() {
        float[] q = new float[64];
        java.util.Arrays.fill(q, 0, 9, 1f); // 9 > 64 / 8
        assertFalse(new SparseProbe().set(q, 64));
        q[8] = 0;
        assertTrue(new SparseProbe().set(q, 64));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "dot", "euclidean"})
    void buildingFromSparseItemsWritesTheSameFile(String metricName) throws IOException {
        // items stay dense below SparseItems.MIN_DIMENSIONS; 150: pairs of vectors, one more, then the overlapping
        // tail (16 lanes); 396: pairs, then the tail
        for (int f : new int[] {SparseItems.MIN_DIMENSIONS, 150, 396}) {
            float[][] items = Oracle.data(1500, f, true, f);
            for (int i = 0; i < items.length; i += 3) { // a third of the items with one to f/8 genres: sparse
                float[] v = new float[f];
                for (int g = 1 + i % Math.max(1, f / SparseProbe.DENSITY); g > 0; g--) {
                    v[(i * 7 + g * 13) % f] = 0.1f * g + i % 5;
                }
                items[i] = v;
            }
            Path sparse = dir.resolve("sparse.annoy");
            Path dense = dir.resolve("dense.annoy");
            for (Path file : new Path[] {sparse, dense}) {
                try (var b = new AnnoyBuilder(Metric.of(metricName), f).seed(7).threads(2)) {
                    b.sparseBudget(file == dense ? 0 : Long.MAX_VALUE);
                    TestIndexes.build(b, items, 6, file);
                }
            }
            assertArrayEquals(Files.readAllBytes(dense), Files.readAllBytes(sparse), metricName + " f=" + f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "dot", "euclidean"})
    void searchAnswersTheSameWithAndWithoutTheSparsePath(String metricName) throws IOException {
        for (int f : new int[] {40, 396}) { // 40: pairs of vectors, then the overlapping tail
            Path file = dir.resolve(metricName + f + ".annoy");
            float[][] items = Oracle.data(2000, f, true, f);
            try (var b = new AnnoyBuilder(Metric.of(metricName), f).seed(1).threads(1)) {
                TestIndexes.build(b, items, 8, file);
            }
            float[][] queries = Oracle.mixes(200, f, 5);
            try (AnnoyIndex index = AnnoyIndex.open(file)) {
                for (int searchK : new int[] {-1, 200, 3000}) {
                    for (float[] q : queries) {
                        int[] ids = new int[10];
                        float[] dist = new float[10];
                        int[] denseIds = new int[10];
                        float[] denseDist = new float[10];
                        index.sparseQueries(true);
                        int n = index.search(q, 10, searchK, ids, dist);
                        int[] walked = index.candidates(q, 10, searchK);
                        index.sparseQueries(false);
                        assertEquals(n, index.search(q, 10, searchK, denseIds, denseDist));
                        assertArrayEquals(denseIds, ids, metricName + " f=" + f + " search_k=" + searchK);
                        assertArrayEquals(denseDist, dist);
                        assertArrayEquals(index.candidates(q, 10, searchK), walked);
                    }
                }
            }
        }
    }
}
