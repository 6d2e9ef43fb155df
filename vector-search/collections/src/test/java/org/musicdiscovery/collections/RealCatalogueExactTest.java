package org.musicdiscovery.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicdiscovery.annoy.Similarity;
import org.musicdiscovery.annoy.SparseIndex;
import org.musicdiscovery.annoy.SparseIndexBuilder;
import org.musicdiscovery.catalogue.source.DataDir;

/**
 * The real catalogue (../shared/data, built in memory as the ingest builds it; skipped when the data is absent):
 * the sparse index over all of it answers genre mixes and item seeds exactly as a dense brute-force scan does, and
 * strategy exact on a collection version of a sample of it answers as the reference, ties by popularity.
 */
class RealCatalogueExactTest {
    @TempDir
    static Path dir;
    static Samples.Sample real;

    @BeforeAll
    static void load() {
        Path data = DataDir.resolve();
        assumeTrue(Files.isRegularFile(data.resolve("yes/complete/song_hash.txt")),
                "real data not found at " + data + " (DISCOVERY_DATA_DIR): skipping the real-catalogue checks");
        real = Samples.fromCatalogue(data);
    }

    /** Two-genre mixes, genres drawn by how many items carry them, and some items' own vectors. */
    static List<float[]> queries(Samples.Sample s, int mixes, int seeds, long seed) {
        int f = s.dims().size();
        long[] carriers = new long[f];
        for (float[] v : s.items().vectors()) {
            for (int d = 0; d < f; d++) {
                carriers[d] += v[d] != 0 ? 1 : 0;
            }
        }
        long total = java.util.Arrays.stream(carriers).sum();
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < mixes; i++) {
            float[] q = new float[f];
            int a = draw(r, carriers, total), b;
            do {
                b = draw(r, carriers, total);
            } while (b == a);
            float share = 0.5f + 0.1f * r.nextInt(4);
            q[a] = share;
            q[b] = 1 - share;
            out.add(q);
        }
        for (int i = 0; i < seeds; i++) {
            out.add(s.items().vectors()[r.nextInt(s.size())]);
        }
        return out;
    }

    private static int draw(Random r, long[] weights, long total) {
        long x = (long) (r.nextDouble() * total);
        int d = 0;
        while (x >= weights[d]) {
            x -= weights[d++];
        }
        return d;
    }

    @Test
    void theSparseIndexOverTheWholeCatalogueEqualsADenseScan() throws IOException {
        assertTrue(real.size() > 100_000, "songs, playlists and artists with genres: " + real.size());
        CollectionBuilder.Items items = real.items().byPopularity(); // item numbers as a version numbers them
        var b = new SparseIndexBuilder(real.dims().size());
        for (int i = 0; i < items.ids().length; i++) {
            b.add(i, items.vectors()[i]);
        }
        Path file = dir.resolve("real.sparse");
        b.save(file);
        try (SparseIndex index = SparseIndex.open(file)) {
            for (float[] q : queries(real, 30, 10, 9)) {
                double[] dots = new double[items.ids().length], cos = new double[items.ids().length];
                denseScan(items.vectors(), q, dots, cos);
                for (Similarity sim : Similarity.values()) {
                    for (int k : new int[] {10, 100}) {
                        int[] expected = best(sim == Similarity.DOT ? dots : cos, k);
                        int[] ids = new int[k];
                        double[] gotDots = new double[k], gotCos = new double[k];
                        int n = index.search(q, sim, k, null, ids, gotDots, gotCos);
                        assertEquals(k, n);
                        assertEquals(List.of(box(expected)), List.of(box(ids)), sim + " k=" + k);
                        for (int i = 0; i < k; i++) {
                            assertEquals(dots[ids[i]], gotDots[i], 0.0);
                            assertEquals(cos[ids[i]], gotCos[i], 0.0);
                        }
                    }
                }
            }
        }
    }

    /** Every item over every dimension, in double, ascending: the documented rule, written out. */
    private static void denseScan(float[][] items, float[] q, double[] dots, double[] cos) {
        double qq = 0;
        for (float v : q) {
            qq += (double) v * v;
        }
        double qNorm = Math.sqrt(qq);
        for (int i = 0; i < items.length; i++) {
            double dot = 0, xx = 0;
            for (int d = 0; d < q.length; d++) {
                dot += (double) q[d] * items[i][d];
                xx += (double) items[i][d] * items[i][d];
            }
            dots[i] = dot;
            cos[i] = xx == 0 ? 0 : dot / Math.sqrt(xx) / qNorm;
        }
    }

    /** The k best indices by score, ties by index (a tie never displaces an earlier index). */
    private static int[] best(double[] score, int k) {
        int[] top = new int[k];
        int kept = 0;
        for (int i = 0; i < score.length; i++) {
            if (kept == k && !(score[i] > score[top[k - 1]])) {
                continue;
            }
            int at = kept == k ? k - 1 : kept++;
            while (at > 0 && score[top[at - 1]] < score[i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return top;
    }

    private static Integer[] box(int[] a) {
        return IntStream.of(a).boxed().toArray(Integer[]::new);
    }

    @Test
    void strategyExactOnAVersionOfARealSampleAnswersAsTheReference() throws IOException {
        int every = 8; // a sample keeps the tree files small; the sparse index above covers the whole catalogue
        int n = real.size() / every;
        float[][] v = new float[n][];
        char[] t = new char[n];
        long[] id = new long[n];
        double[] pop = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = real.items().vectors()[i * every];
            t[i] = real.items().typeCodes()[i * every];
            id[i] = real.items().ids()[i * every];
            pop[i] = real.items().popularity()[i * every];
        }
        var sample = new Samples.Sample(new CollectionBuilder.Items(v, t, id, pop), real.dims());
        Path version = CollectionBuilder.build(dir, "genre", sample.items(), sample.dims(), List.of("dot", "angular"),
                2, 42, 2, "test", msg -> { });
        LoadedCollection c = LoadedCollection.open(version, AnnoyTrees::open);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int i = 0;
            for (float[] q : queries(sample, 25, 5, 21)) {
                List<String> metrics = ExactStrategyTest.METRICS.get(i % 3);
                Set<Character> types = i % 4 == 0 ? Set.of('a', 'p') : Set.of();
                var query = new CollectionSearch.Query(q, 50, -1, metrics, types, false, -1, Strategy.AUTO);
                var result = CollectionSearch.search(c, query, pool);
                assertEquals(Strategy.EXACT, result.strategy(), "auto answers genre mixes exactly");
                assertEquals(Samples.reference(sample, q, metrics, 50, types, -1), Samples.refs(result),
                        metrics + " " + types);
                i++;
            }
        } finally {
            c.retire();
            pool.shutdownNow();
        }
    }
}
