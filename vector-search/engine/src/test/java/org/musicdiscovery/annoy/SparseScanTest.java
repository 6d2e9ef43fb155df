package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sparse index scans a query's lists whole when they are short, or when its pruned walk scores too many items:
 * whichever path answers, and when a walk gives up half-way, the answer is the brute-force scan's, ids, order and
 * scores to the bit, on the skewed test items and on "flat" ones (many dimensions each, like playlists).
 */
class SparseScanTest {
    static final int F = 48;

    @TempDir
    static Path dir;
    static float[][] skewed;
    static float[][] flat;
    static SparseIndex skewedIndex;
    static SparseIndex flatIndex;

    /** Which path: as shipped, always scan, walk and give up after the first item scored, only walk. */
    enum Rule {
        SHIPPED(ListScan.SCAN_PER_K, ListScan.WALK_BUDGET), SCAN(Integer.MAX_VALUE, 0),
        GIVE_UP(-1, Integer.MAX_VALUE), WALK(-1, 0);

        final int scanPerK, walkBudget;

        Rule(int scanPerK, int walkBudget) {
            this.scanPerK = scanPerK;
            this.walkBudget = walkBudget;
        }
    }

    @BeforeAll
    static void build() throws IOException {
        skewed = SparseData.items(4000, F, 31);
        flat = flatItems(3000, 37);
        skewedIndex = SparseIndex.open(SparseData.build(dir.resolve("skewed.sparse"), skewed));
        flatIndex = SparseIndex.open(SparseData.build(dir.resolve("flat.sparse"), flat));
    }

    /** 6–12 dimensions an item, weights of one size, L1-normalised: bounds that prune little. */
    static float[][] flatItems(int n, long seed) {
        Random r = new Random(seed);
        float[][] items = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] v = new float[F];
            int nz = 6 + r.nextInt(7);
            for (int j = 0; j < nz; j++) {
                v[SparseData.skewed(r, F)] += 0.5f + r.nextFloat();
            }
            SparseData.normaliseL1(v);
            items[i] = i > 10 && r.nextInt(8) == 0 ? items[r.nextInt(i)].clone() : v; // some ties
        }
        return items;
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyPathAnswersAsBruteForce(Rule rule) {
        for (Similarity sim : Similarity.values()) {
            check(skewedIndex, skewed, rule, sim, new Random(rule.ordinal() * 10L + sim.ordinal()));
            check(flatIndex, flat, rule, sim, new Random(100 + rule.ordinal() * 10L + sim.ordinal()));
        }
    }

    private static void check(SparseIndex index, float[][] items, Rule rule, Similarity sim, Random r) {
        index.scanRule(rule.scanPerK, rule.walkBudget);
        SparseData.assertAnswersAsBruteForce(index, items, sim, r, 200, rule.name());
    }

    @Test
    void shortListsAreScannedAtOnceAndAWalkOverItsBudgetScansInstead() {
        Random r = new Random(5);
        int scannedAtOnce = 0, walked = 0, gaveUp = 0;
        for (int i = 0; i < 200; i++) {
            float[] q = SparseData.query(r, F);
            long postings = 0;
            for (int d = 0; d < F; d++) {
                postings += q[d] != 0 ? flatIndex.listLength(d) : 0;
            }
            flatIndex.scanRule(ListScan.SCAN_PER_K, ListScan.WALK_BUDGET);
            SparseData.search(flatIndex, q, Similarity.DOT, 10, null, true);
            boolean shortLists = postings <= ListScan.SCAN_PER_K * 10L;
            if (shortLists) {
                assertTrue(flatIndex.lastScanned(), "lists of " + postings + " postings are scanned");
                scannedAtOnce++;
            } else if (flatIndex.lastScanned()) {
                // gave up: it scored more than its budget before scanning
                assertTrue(flatIndex.lastEvaluated() > postings / ListScan.WALK_BUDGET, "over budget");
                gaveUp++;
            } else {
                assertTrue(flatIndex.lastEvaluated() <= postings / ListScan.WALK_BUDGET + 1, "within budget");
                walked++;
            }
            flatIndex.scanRule(-1, 0);
            SparseData.search(flatIndex, q, Similarity.DOT, 10, null, true);
            assertFalse(flatIndex.lastScanned(), "walk only never scans");
        }
        assertTrue(scannedAtOnce > 0 && walked > 0 && gaveUp > 0,
                "all three paths taken: " + scannedAtOnce + " scanned at once, " + walked + " walked, " + gaveUp
                        + " gave up");
    }

    @Test
    void aScanScoresEachItemOfTheListsOnceAndLeavesNoSumsBehind() {
        float[] q = new float[F];
        q[0] = 0.6f;
        q[3] = 0.4f;
        skewedIndex.scanRule(Integer.MAX_VALUE, 0);
        int union = 0;
        for (float[] item : skewed) {
            union += item[0] != 0 || item[3] != 0 ? 1 : 0;
        }
        for (int round = 0; round < 2; round++) { // the second search starts from what the first left
            var actual = SparseData.search(skewedIndex, q, Similarity.DOT, 20, null, true);
            assertEquals(union, skewedIndex.lastEvaluated());
            assertEquals(SparseData.bruteForce(skewed, q, Similarity.DOT, 20, null), actual);
        }
    }
}
