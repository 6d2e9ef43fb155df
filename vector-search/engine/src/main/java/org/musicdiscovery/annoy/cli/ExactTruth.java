package org.musicdiscovery.annoy.cli;

import java.util.HashSet;
import java.util.Set;
import org.musicdiscovery.annoy.Similarity;

/**
 * Ground truth for the sparse benchmark, by exhaustive scan: every item scored from its non-zero entries by
 * {@link Similarity}'s rule, written here independently of the sparse index, ranked by score then id.
 */
final class ExactTruth {
    private final int[][] dims;
    private final float[][] weights;
    private final double[] norms;

    ExactTruth(float[][] items) {
        dims = new int[items.length][];
        weights = new float[items.length][];
        norms = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            int n = 0;
            for (float v : items[i]) {
                n += v != 0 ? 1 : 0;
            }
            dims[i] = new int[n];
            weights[i] = new float[n];
            double squares = 0;
            for (int d = 0, j = 0; d < items[i].length; d++) {
                if (items[i][d] != 0) {
                    dims[i][j] = d;
                    weights[i][j++] = items[i][d];
                    squares += (double) items[i][d] * items[i][d];
                }
            }
            norms[i] = Math.sqrt(squares);
        }
    }

    double score(int item, float[] q, double qNorm, Similarity sim) {
        double dot = 0;
        for (int j = 0; j < dims[item].length; j++) {
            float v = q[dims[item][j]];
            if (v != 0) {
                dot += (double) v * weights[item][j];
            }
        }
        return sim.score(dot, qNorm, norms[item]);
    }

    static double norm(float[] q) {
        return Similarity.norm(q);
    }

    /** The top k ids, best first (score descending, then id), and the k-th score. */
    record Top(int[] ids, double kth) {
        Set<Integer> set() {
            Set<Integer> s = new HashSet<>();
            for (int id : ids) {
                s.add(id);
            }
            return s;
        }
    }

    Top top(float[] q, Similarity sim, int k) {
        double qNorm = norm(q);
        int n = Math.min(k, dims.length);
        int[] ids = new int[n];
        double[] best = new double[n];
        int kept = 0;
        for (int i = 0; i < dims.length; i++) { // items in id order: a tie never displaces an earlier item
            double s = score(i, q, qNorm, sim);
            if (kept == n && !(s > best[n - 1])) {
                continue;
            }
            int at = kept == n ? n - 1 : kept++;
            while (at > 0 && best[at - 1] < s) {
                best[at] = best[at - 1];
                ids[at] = ids[at - 1];
                at--;
            }
            best[at] = s;
            ids[at] = i;
        }
        return new Top(ids, n == 0 ? 0 : best[n - 1]);
    }

    /**
     * Recall@k that does not punish a tie: a returned item counts if it scores at least the true k-th score (many
     * items share one vector, and any of them is a right answer for a tree that does not know the tie rule).
     */
    double recall(int[] returned, Top truth, float[] q, Similarity sim) {
        double qNorm = norm(q);
        int hits = 0;
        for (int id : returned) {
            hits += score(id, q, qNorm, sim) >= truth.kth() ? 1 : 0;
        }
        return truth.ids().length == 0 ? 1 : Math.min(1.0, (double) hits / truth.ids().length);
    }

    int size() {
        return dims.length;
    }
}
