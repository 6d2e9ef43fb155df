package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-pair lists hold exactly the items with both dimensions, and two-term cosine queries answered from them
 * give what a brute-force scan gives, ids, order and scores to the bit.
 */
class PairListsTest {
    static final int N = 4000;
    static final int F = 48;

    @TempDir
    static Path dir;
    static float[][] items;
    static SparseIndex index;

    @BeforeAll
    static void build() throws IOException {
        items = SparseData.items(N, F, 23);
        index = SparseIndex.open(SparseData.build(dir.resolve("items.sparse"), items));
    }

    /** These tests are about the pruned walk (and what it scores): no scan instead (SparseScanTest). */
    @BeforeEach
    void walkOnly() {
        index.scanRule(-1, 0);
    }

    @Test
    void eachListHoldsTheItemsWithBothDimensionsInIdOrder() {
        PairLists pairs = index.pairs;
        long postings = 0;
        for (int a = 0; a < F; a++) {
            for (int b = a + 1; b < F; b++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    if (items[i][a] != 0 && items[i][b] != 0) {
                        expected.add(i);
                    }
                }
                List<Integer> actual = new ArrayList<>();
                for (long p = pairs.start(a, b); p < pairs.end(a, b); p++) {
                    int item = pairs.item(p);
                    actual.add(item);
                    assertEquals(items[item][a], pairs.first(p), "weight in " + a);
                    assertEquals(items[item][b], pairs.second(p), "weight in " + b);
                    double square = index.norm(item) * index.norm(item);
                    assertTrue(pairs.squaredNormBelow(p) <= square && pairs.squaredNormBelow(p) > square * (1 - 1e-6),
                            "squared norm from below: " + pairs.squaredNormBelow(p) + " for " + square);
                }
                assertEquals(expected, actual, "pair " + a + "," + b);
                postings += actual.size();
            }
        }
        assertTrue(postings > N, "the data has blends: " + postings);
        assertEquals(16 * postings + 4L * (F * F + 1), index.pairBytes());
    }

    @Test
    void twoTermCosineQueriesEqualBruteForceAndMostAreAnsweredFromThePairs() {
        Random r = new Random(5);
        int fromPairs = 0, queries = 0;
        for (int i = 0; i < 600; i++) {
            float[] q = twoTerms(r);
            int k = new int[] {1, 10, 50, 300}[i % 4];
            IntPredicate accept = i % 3 == 0 ? item -> item % 3 != 0 : null;
            var expected = SparseData.bruteForce(items, q, Similarity.COSINE, k, accept);
            var actual = SparseData.search(index, q, Similarity.COSINE, k, accept, true);
            String what = SparseData.describe(q) + " k=" + k + (accept != null ? " filtered" : "");
            assertArrayEquals(SparseData.ids(expected), SparseData.ids(actual), what);
            assertArrayEquals(SparseData.scores(expected, true), SparseData.scores(actual, true), what + " dots");
            assertArrayEquals(SparseData.scores(expected, false), SparseData.scores(actual, false), what + " cos");
            fromPairs += index.lastFromPairs() ? 1 : 0;
            queries++;
        }
        // both ways are exercised: from the pairs alone, and the posting lists from the pairs' floor
        assertTrue(fromPairs > queries / 4 && fromPairs < queries, fromPairs + " of " + queries + " from the pairs");
    }

    @Test
    void dotAndQueriesOfOtherLengthsNeverUseThem() {
        Random r = new Random(9);
        for (int i = 0; i < 200; i++) {
            float[] q = i % 2 == 0 ? twoTerms(r) : SparseData.query(r, F);
            Similarity sim = i % 2 == 0 ? Similarity.DOT : Similarity.COSINE;
            SparseData.search(index, q, sim, 10, null, true);
            boolean two = SparseData.describe(q).chars().filter(c -> c == ':').count() == 2;
            assertFalse(index.lastFromPairs() && (sim == Similarity.DOT || !two), sim + " " + SparseData.describe(q));
        }
    }

    @Test
    void tooManyDimensionsForATableOfPairsLeaveThePostingListsAlone() throws IOException {
        int f = 2049;
        float[][] wide = new float[300][f];
        Random r = new Random(3);
        for (float[] v : wide) {
            v[r.nextInt(f)] = 1f;
            v[r.nextInt(4)] += 0.5f;
        }
        try (SparseIndex wideIndex = SparseIndex.open(SparseData.build(dir.resolve("wide.sparse"), wide))) {
            assertNull(wideIndex.pairs);
            assertEquals(0, wideIndex.pairBytes());
            float[] q = new float[f];
            q[0] = 0.7f;
            q[1] = 0.3f;
            var expected = SparseData.bruteForce(wide, q, Similarity.COSINE, 20, null);
            assertArrayEquals(SparseData.ids(expected),
                    SparseData.ids(SparseData.search(wideIndex, q, Similarity.COSINE, 20, null, true)));
            assertFalse(wideIndex.lastFromPairs());
        }
    }

    /** Two distinct dimensions, mostly popular ones, the larger weight 51–95 % as core asks. */
    private static float[] twoTerms(Random r) {
        float[] q = new float[F];
        int a = SparseData.skewed(r, F), b;
        do {
            b = r.nextInt(3) == 0 ? r.nextInt(F) : SparseData.skewed(r, F);
        } while (b == a);
        float w = (51 + r.nextInt(45)) / 100f;
        q[a] = w;
        q[b] = 1 - w;
        return q;
    }
}
