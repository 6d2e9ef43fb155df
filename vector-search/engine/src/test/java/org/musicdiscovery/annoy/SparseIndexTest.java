package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sparse index answers exactly what a dense brute-force scan answers — ids, order (ties by id) and scores to the
 * bit — for dot and cosine, with and without a filter, and pruning changes nothing but the work done.
 */
class SparseIndexTest {
    static final int N = 4000;
    static final int F = 48;

    @TempDir
    static Path dir;
    static float[][] items;
    static SparseIndex index;

    @BeforeAll
    static void build() throws IOException {
        items = SparseData.items(N, F, 17);
        index = SparseIndex.open(SparseData.build(dir.resolve("items.sparse"), items));
    }

    /** These tests are about the pruned walk (and what it scores): no scan instead (SparseScanTest). */
    @BeforeEach
    void walkOnly() {
        index.scanRule(-1, 0);
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void equalsDenseBruteForceIdsOrderAndScores(Similarity sim) {
        SparseData.assertAnswersAsBruteForce(index, items, sim, new Random(sim.ordinal() + 1), 300, "walk");
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void pruningChangesTheWorkNotTheAnswer(Similarity sim) {
        Random r = new Random(40 + sim.ordinal());
        long pruned = 0, exhaustive = 0;
        for (int i = 0; i < 300; i++) {
            float[] q = SparseData.query(r, F);
            var with = SparseData.search(index, q, sim, 10, null, true);
            int scoredWith = index.lastEvaluated();
            var without = SparseData.search(index, q, sim, 10, null, false);
            int scoredWithout = index.lastEvaluated();
            assertEquals(without, with, sim + " " + SparseData.describe(q));
            assertTrue(scoredWith <= scoredWithout, "pruning never scores more");
            pruned += scoredWith;
            exhaustive += scoredWithout;
        }
        assertTrue(pruned < exhaustive / 3, sim + ": pruning scored " + pruned + " items, exhaustive " + exhaustive);
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void theOtherSimilaritysTopKIsAFloorThatChangesOnlyTheWork(Similarity sim) {
        Similarity other = sim == Similarity.DOT ? Similarity.COSINE : Similarity.DOT;
        Random r = new Random(70 + sim.ordinal());
        long seeded = 0, unseeded = 0;
        for (int i = 0; i < 300; i++) {
            float[] q = SparseData.query(r, F);
            int k = new int[] {1, 10, 100}[i % 3];
            IntPredicate accept = i % 4 == 0 ? item -> item % 3 != 0 : null;
            var first = SparseData.search(index, q, other, k, accept, true);
            double floor = first.stream().mapToDouble(x -> sim == Similarity.DOT ? x.dot() : x.cosine()).min().orElseThrow();
            var from = SparseData.search(index, q, sim, k, accept, true);
            unseeded += index.lastEvaluated();
            int[] ids = new int[k];
            double[] dots = new double[k], cos = new double[k];
            int n = index.search(q, sim, k, accept, ids, dots, cos, floor);
            seeded += index.lastEvaluated();
            String what = sim + " from " + other + "'s floor " + floor + " " + SparseData.describe(q) + " k=" + k;
            assertEquals(from.size(), n, what);
            for (int j = 0; j < n; j++) {
                assertEquals(from.get(j), new SparseData.Ranked(ids[j], dots[j], cos[j]), what + " #" + j);
            }
        }
        assertTrue(seeded < unseeded, sim + ": from the floor " + seeded + " items scored, from nothing " + unseeded);
    }

    @Test
    void aVeryCommonDimensionIsFilteredNotScored() {
        // dimension 0 is the most common ("rock"): its list holds a large share of the items
        assertTrue(index.listLength(0) > N / 5, "skewed data: " + index.listLength(0));
        float[] q = new float[F];
        q[0] = 0.7f;
        q[1] = 0.3f;
        for (Similarity sim : Similarity.values()) {
            SparseData.search(index, q, sim, 10, null, true);
            int scored = index.lastEvaluated();
            assertTrue(scored < index.listLength(0) / 4, sim + " scored " + scored + " of " + index.listLength(0));
        }
    }

    /**
     * The service always filters by type, and the singles' head start must survive it: 500 mixed items that cannot
     * compete come first by id, then 500 singles of the query's main dimension. From the singles' floor the mixed
     * items are filtered unscored; without it the first k of them fill the top and the rest must all be scored. A
     * filter that leaves fewer than k singles must not give the floor.
     */
    @Test
    void aFilterKeepsTheSinglesHeadStartOnlyWhenKOfThemPass() throws IOException {
        float[][] crafted = new float[1000][F];
        for (int i = 0; i < 500; i++) {
            crafted[i][0] = 0.2f;
            crafted[i][2] = 0.8f;
            crafted[i + 500][0] = 1f;
        }
        float[] q = new float[F];
        q[0] = 0.7f;
        q[1] = 0.3f;
        int k = 10;
        try (SparseIndex small = SparseIndex.open(SparseData.build(dir.resolve("crafted.sparse"), crafted))) {
            small.scanRule(-1, 0);
            for (Similarity sim : Similarity.values()) {
                for (int keep : new int[] {2, 100}) {
                    IntPredicate accept = item -> item % keep == 0;
                    var expected = SparseData.bruteForce(crafted, q, sim, k, accept);
                    var actual = SparseData.search(small, q, sim, k, accept, true);
                    String what = sim + " keeping one id in " + keep;
                    assertArrayEquals(SparseData.ids(expected), SparseData.ids(actual), what);
                    assertArrayEquals(SparseData.scores(expected, sim == Similarity.DOT),
                            SparseData.scores(actual, sim == Similarity.DOT), what);
                    int scored = small.lastEvaluated();
                    assertTrue(keep == 2 ? scored <= 2 * k : scored >= 500 / keep, what + ": scored " + scored);
                }
            }
        }
    }

    /**
     * The singles taken into the top k before the scan have larger ids than some items the scan finds later: an
     * exact tie with them (a blend whose dot product equals a single's) must still win by its smaller id. With
     * equal query weights both lists' singles score the same, and the first k of their union by id are taken.
     */
    @Test
    void singlesTakenBeforeTheScanStillLoseTiesToSmallerIds() throws IOException {
        float[][] crafted = new float[1000][F];
        for (int i = 0; i < 5; i++) { // dot 0.5·0.5 + 0.5·0.5 = 0.5, a single's dot exactly
            crafted[i][0] = 0.5f;
            crafted[i][1] = 0.5f;
        }
        for (int i = 100; i < 400; i++) { // singles of both dimensions, interleaved by id
            crafted[i][i % 2] = 1f;
        }
        for (int i = 600; i < 603; i++) { // better than the singles under both similarities
            crafted[i][0] = 0.6f;
            crafted[i][1] = 0.5f;
        }
        for (int i = 700; i < 1000; i++) { // blends that cannot compete
            crafted[i][0] = 0.2f;
            crafted[i][2] = 0.8f;
        }
        float[] q = new float[F];
        q[0] = 0.5f;
        q[1] = 0.5f;
        try (SparseIndex small = SparseIndex.open(SparseData.build(dir.resolve("ties.sparse"), crafted))) {
            small.scanRule(-1, 0);
            for (Similarity sim : Similarity.values()) {
                for (int k : new int[] {1, 10, 50}) {
                    var expected = SparseData.bruteForce(crafted, q, sim, k, null);
                    var actual = SparseData.search(small, q, sim, k, null, true);
                    String what = sim + " k=" + k;
                    assertArrayEquals(SparseData.ids(expected), SparseData.ids(actual), what);
                    assertArrayEquals(SparseData.scores(expected, true), SparseData.scores(actual, true), what);
                    assertTrue(small.lastEvaluated() < 100, what + ": scored " + small.lastEvaluated());
                }
            }
        }
    }

    @Test
    void fewerMatchesThanKAreFilledWithZeroScoresInIdOrder() {
        int rare = F - 1;
        float[] q = new float[F];
        q[rare] = 1;
        int k = index.listLength(rare) + 25;
        var actual = SparseData.search(index, q, Similarity.COSINE, k, null, true);
        assertEquals(SparseData.bruteForce(items, q, Similarity.COSINE, k, null), actual);
        assertEquals(0.0, actual.getLast().cosine());
        var all = SparseData.search(index, q, Similarity.DOT, N + 10, null, true);
        assertEquals(N, all.size(), "every item once, even asking for more than there are");
    }

    @Test
    void termsAreEachItemsNonZerosInAscendingDimension() {
        int[] dims = new int[F];
        float[] values = new float[F];
        for (int i = 0; i < N; i++) {
            int n = index.terms(i, dims, values);
            int j = 0;
            for (int d = 0; d < F; d++) {
                if (items[i][d] != 0) {
                    assertTrue(j < n, "item " + i + " lacks dimension " + d);
                    assertEquals(d, dims[j], "item " + i);
                    assertEquals(items[i][d], values[j++], "item " + i + " dimension " + d);
                }
            }
            assertEquals(j, n, "item " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> index.terms(N, dims, values));
    }

    @Test
    void identicalVectorsComeBackInIdOrder() {
        float[] q = new float[F];
        q[0] = 1; // every item whose only dimension is 0 has cosine exactly 1: one big tie
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            if (items[i][0] > 0 && Similarity.norm(items[i]) == items[i][0]) {
                expected.add(i);
            }
        }
        assertTrue(expected.size() > 20, "the data has many identical directions: " + expected.size());
        var top = SparseData.search(index, q, Similarity.COSINE, expected.size(), null, true);
        assertEquals(expected, top.stream().map(SparseData.Ranked::id).toList());
        var dots = SparseData.search(index, q, Similarity.DOT, 200, null, true);
        for (int i = 1; i < dots.size(); i++) { // under dot too, equal scores are in ascending id
            if (dots.get(i).dot() == dots.get(i - 1).dot()) {
                assertTrue(dots.get(i).id() > dots.get(i - 1).id(), dots.subList(i - 1, i + 1).toString());
            }
        }
    }

    @Test
    void concurrentQueriesGetTheSameAnswersAsOneThread() throws Exception {
        Random r = new Random(9);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(SparseData.query(r, F));
        }
        List<List<SparseData.Ranked>> alone = new ArrayList<>();
        for (float[] q : queries) {
            alone.add(SparseData.search(index, q, Similarity.COSINE, 20, null, true));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int rep = 0; rep < 5; rep++) {
                        for (int i = 0; i < queries.size(); i++) {
                            if (!alone.get(i).equals(SparseData.search(index, queries.get(i), Similarity.COSINE, 20,
                                    null, true))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void negativeOrNonFiniteInputIsRefused() {
        float[] q = new float[F];
        q[2] = -0.5f;
        assertThrows(IllegalArgumentException.class, () -> index.search(q, Similarity.DOT, 5, null, new int[5], null,
                null));
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[F - 1], Similarity.DOT, 5, null,
                new int[5], null, null));
        var b = new SparseIndexBuilder(3);
        assertThrows(IllegalArgumentException.class, () -> b.add(0, new float[] {1, -1, 0}));
        assertThrows(IllegalArgumentException.class, () -> b.add(0, new float[] {Float.NaN, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> b.add(0, new float[] {1, 0}));
    }
}
