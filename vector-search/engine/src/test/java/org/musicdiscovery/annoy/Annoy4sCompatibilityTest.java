package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import annoy4s.AnnoyLibrary;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second oracle: Spotify's own libannoy (1.16.3, the native library inside annoy4s, through JNA; angular and
 * euclidean only). Its files answer in our reader exactly as in libannoy, and ours load in libannoy and answer
 * exactly as in our reader — same traversal, same candidates, same order.
 */
class Annoy4sCompatibilityTest {
    static final int N = 2000;
    static final int F = 20;
    static final int QUERIES = 500;
    static final int K = 10;
    static AnnoyLibrary lib;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        try {
            lib = Native.load("annoy", AnnoyLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            assumeTrue(false, "annoy4s' libannoy does not load here: " + e.getMessage());
        }
    }

    private static Pointer create(String metric) {
        return metric.equals("angular") ? lib.createAngular(F) : lib.createEuclidean(F);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "euclidean"})
    void libannoyBuiltFilesAnswerIdenticallyInOurReader(String metric) {
        float[][] items = Oracle.data(N, F, false, 21);
        float[][] queries = Oracle.data(QUERIES, F, false, 22);
        Path file = dir.resolve("libannoy." + metric + ".annoy");
        Pointer native_ = create(metric);
        try {
            for (int i = 0; i < N; i++) {
                lib.addItem(native_, i, items[i]);
            }
            lib.build(native_, 8);
            assertTrue(lib.save(native_, file.toString()));
            try (AnnoyIndex ours = AnnoyIndex.openBare(file, Metric.of(metric), F, false)) {
                assertEquals(N, ours.nItems());
                assertEquals(8, ours.nTrees());
                assertSameAnswers(native_, ours, queries);
            }
        } finally {
            lib.deleteIndex(native_);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "euclidean"})
    void ourFilesAnswerIdenticallyInLibannoy(String metric) throws Exception {
        float[][] items = Oracle.data(N, F, false, 23);
        float[][] queries = Oracle.data(QUERIES, F, false, 24);
        Path file = dir.resolve("ours." + metric + ".annoy");
        try (var builder = new AnnoyBuilder(Metric.of(metric), F).seed(7)) {
            TestIndexes.build(builder, items, 8, file);
        }
        Pointer native_ = create(metric);
        try {
            assertTrue(lib.load(native_, file.toString()), "libannoy refused our file");
            assertEquals(N, lib.getNItems(native_));
            try (AnnoyIndex ours = AnnoyIndex.open(file)) {
                assertSameAnswers(native_, ours, queries);
            }
        } finally {
            lib.deleteIndex(native_);
        }
    }

    private static void assertSameAnswers(Pointer native_, AnnoyIndex ours, float[][] queries) {
        for (int searchK : new int[] {-1, 200, 2000}) {
            int[] theirIds = new int[K];
            float[] theirDist = new float[K];
            int[] ids = new int[K];
            float[] dist = new float[K];
            for (int q = 0; q < queries.length; q++) {
                Arrays.fill(theirIds, -1);
                lib.getNnsByVector(native_, queries[q], K, searchK, theirIds, theirDist);
                int n = ours.search(queries[q], K, searchK, ids, dist);
                int theirs = (int) Arrays.stream(theirIds).filter(i -> i >= 0).count();
                assertArrayEquals(Arrays.copyOf(theirIds, theirs), Arrays.copyOf(ids, n),
                        "search_k=" + searchK + " query " + q);
                for (int i = 0; i < n; i++) {
                    assertEquals(theirDist[i], dist[i], 1e-5f * Math.max(1f, Math.abs(theirDist[i])),
                            "distance " + i + " of query " + q);
                }
            }
        }
    }
}
