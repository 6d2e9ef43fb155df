package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two-means runs whose seeds hold one vector skip their steps (TwoMeans.sameSeeds), and the margins of the all-zero
 * plane they give are not measured: the file must be the one annoylib's full arithmetic writes.
 */
class EqualSeedsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "dot", "euclidean"})
    void skippingTheStepsOfEqualSeedsWritesTheSameFile(String metricName) throws IOException {
        // 24: dense items; 150: sparse records (SparseItems) for the margins
        for (int f : new int[] {24, 150}) {
            for (boolean overflow : new boolean[] {false, true}) {
                String what = metricName + " f=" + f + (overflow ? " with an overflowing norm" : "");
                float[][] items = genreSets(4000, f, overflow, new Random(f));
                Path skipped = dir.resolve("skipped.annoy");
                Path full = dir.resolve("full.annoy");
                int runs = 0;
                for (Path file : new Path[] {skipped, full}) {
                    try (var b = new AnnoyBuilder(Metric.of(metricName), f).seed(11).threads(1)) {
                        b.skipEqualSeeds(file == skipped);
                        TestIndexes.build(b, items, 5, file);
                        runs += b.equalSeedRuns();
                    }
                }
                assertTrue(runs > 20, what + ": only " + runs + " runs from equal seeds");
                assertEquals(-1L, Files.mismatch(full, skipped), what + ": the files differ");
            }
        }
    }

    /**
     * Like MTG-Jamendo's tracks: each one of a few hundred genre sets, weights 1/size, a handful of sets holding
     * most items; plus a zero vector and, if {@code overflow}, one whose squared norm overflows (with dot, every
     * item's extra dimension is then infinite and no plane is all zeros).
     */
    static float[][] genreSets(int n, int f, boolean overflow, Random r) {
        int nSets = 300;
        float[][] sets = new float[nSets][f];
        for (float[] set : sets) {
            int size = 1 + r.nextInt(3);
            for (int g = 0; g < size; g++) {
                set[r.nextInt(f)] = 1f / size;
            }
        }
        float[][] items = new float[n][];
        for (int i = 0; i < n; i++) {
            // skewed: set 0 about a fifth of the items, the first ten about half
            int s = r.nextInt(5) == 0 ? 0 : (int) (nSets * Math.pow(r.nextDouble(), 3));
            items[i] = sets[s].clone();
        }
        items[17] = new float[f];
        if (overflow) {
            items[23] = sets[0].clone();
            items[23][0] = 3e38f;
        }
        return items;
    }
}
