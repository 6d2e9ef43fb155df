package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Random genre-like sparse data for the sparse index tests, and the reference they are checked against: a dense
 * brute-force scan written here from {@link Similarity}'s documented rule (every dimension, ascending, in double),
 * not from the index's code.
 */
final class SparseData {
    private SparseData() {
    }

    /**
     * Non-negative vectors over {@code f} dimensions with a skewed dimension popularity (a few "rock"s and "pop"s
     * carry most items), 1–6 non-zeros each, a fifth of them copies of earlier items and many single-dimension
     * items (identical vectors: ties), some L1-normalised like the catalogue's, some not, and some holes (all zero).
     */
    static float[][] items(int n, int f, long seed) {
        Random r = new Random(seed);
        float[][] items = new float[n][];
        for (int i = 0; i < n; i++) {
            if (i > 10 && r.nextInt(5) == 0) {
                items[i] = items[r.nextInt(i)].clone();
                continue;
            }
            float[] v = new float[f];
            if (r.nextInt(40) != 0) { // else a hole
                int nz = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(6);
                for (int j = 0; j < nz; j++) {
                    v[skewed(r, f)] += r.nextInt(3) == 0 ? 1f : r.nextFloat();
                }
                if (r.nextBoolean()) {
                    normaliseL1(v);
                }
            }
            items[i] = v;
        }
        return items;
    }

    static int skewed(Random r, int f) {
        return (int) Math.min(f - 1, Math.floor(f * Math.pow(r.nextDouble(), 3)));
    }

    static void normaliseL1(float[] v) {
        float sum = 0;
        for (float x : v) {
            sum += x;
        }
        if (sum > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] /= sum;
            }
        }
    }

    /** Mostly 1–4-term queries (now and then up to 8) over the same skewed dimensions, some on rare ones. */
    static float[] query(Random r, int f) {
        float[] q = new float[f];
        int terms = 1 + r.nextInt(r.nextInt(8) == 0 ? 8 : 4);
        for (int j = 0; j < terms; j++) {
            int d = r.nextInt(4) == 0 ? r.nextInt(f) : skewed(r, f);
            q[d] += r.nextBoolean() ? 0.5f : 0.05f + r.nextFloat();
        }
        return q;
    }

    static Path build(Path file, float[][] items) throws IOException {
        var b = new SparseIndexBuilder(items[0].length);
        for (int i = items.length - 1; i >= 0; i--) { // any order
            b.add(i, items[i]);
        }
        b.save(file);
        return file;
    }

    /** One ranked item of the reference scan. */
    record Ranked(int id, double dot, double cosine) {
    }

    /** Brute force: every item scored over every dimension, best first by the similarity, then id. */
    static List<Ranked> bruteForce(float[][] items, float[] q, Similarity sim, int k, IntPredicate accept) {
        double qq = 0;
        for (float v : q) {
            qq += (double) v * v;
        }
        double qNorm = Math.sqrt(qq);
        List<Ranked> all = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            if (accept != null && !accept.test(i)) {
                continue;
            }
            double dot = 0, xx = 0;
            for (int d = 0; d < q.length; d++) {
                dot += (double) q[d] * items[i][d];
                xx += (double) items[i][d] * items[i][d];
            }
            double xNorm = Math.sqrt(xx);
            double cos = qNorm == 0 || xNorm == 0 ? 0 : dot / xNorm / qNorm; // the documented rule
            all.add(new Ranked(i, dot, cos));
        }
        Comparator<Ranked> byScore = Comparator.comparingDouble(x -> sim == Similarity.DOT ? -x.dot() : -x.cosine());
        all.sort(byScore.thenComparingInt(Ranked::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * {@code queries} random queries (k 1, 10, 50 or 300, every fifth filtered): the index answers each as the
     * brute-force scan does, ids, order, dot products and cosines to the bit.
     */
    static void assertAnswersAsBruteForce(SparseIndex index, float[][] items, Similarity sim, Random r, int queries,
            String label) {
        for (int i = 0; i < queries; i++) {
            float[] q = query(r, items[0].length);
            int k = new int[] {1, 10, 50, 300}[i % 4];
            IntPredicate accept = i % 5 == 0 ? item -> item % 3 != 0 : null;
            var expected = bruteForce(items, q, sim, k, accept);
            var actual = search(index, q, sim, k, accept, true);
            String what = label + " " + sim + " " + describe(q) + " k=" + k + (accept != null ? " filtered" : "");
            assertArrayEquals(ids(expected), ids(actual), what);
            assertArrayEquals(scores(expected, true), scores(actual, true), what + " dots");
            assertArrayEquals(scores(expected, false), scores(actual, false), what + " cos");
        }
    }

    /** The index's answer in the same shape. */
    static List<Ranked> search(SparseIndex index, float[] q, Similarity sim, int k, IntPredicate accept,
            boolean prune) {
        int[] ids = new int[k];
        double[] dots = new double[k], cos = new double[k];
        int n = index.search(q, sim, k, accept, ids, dots, cos, prune);
        List<Ranked> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Ranked(ids[i], dots[i], cos[i]));
        }
        return out;
    }

    static String describe(float[] q) {
        StringBuilder sb = new StringBuilder("{");
        for (int d = 0; d < q.length; d++) {
            if (q[d] != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(d).append(':').append(q[d]);
            }
        }
        return sb.append('}').toString();
    }

    static int[] ids(List<Ranked> ranked) {
        return ranked.stream().mapToInt(Ranked::id).toArray();
    }

    static double[] scores(List<Ranked> ranked, boolean dot) {
        return ranked.stream().mapToDouble(x -> dot ? x.dot() : x.cosine()).toArray();
    }

    static boolean sameBits(double[] a, double[] b) {
        return Arrays.equals(a, b);
    }
}
