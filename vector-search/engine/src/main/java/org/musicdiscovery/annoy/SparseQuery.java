package org.musicdiscovery.annoy;

import java.util.Arrays;

/**
 * A query's non-zero terms by ascending dimension, with what the pruning needs about each term computed once per
 * query: the query's norm outside the term (a float rounded up, for the posting filter), the exact score of the
 * term's singles, and the same quantities summed (or maxed) over all the other terms, which bound an item lacking
 * the term. Reused per thread.
 */
final class SparseQuery {
    /** Relative room left for double rounding wherever a bound over several terms is compared with a score. */
    static final double ROOM = 1e-9;

    private final double[] acc = new double[5];
    int m;
    int[] dims = new int[8];
    float[] weights = new float[8];
    double norm;
    /** ≥ |q without term t|. */
    float[] rest = new float[8];
    /** The exact best score of a single of term t's list. */
    double[] single = new double[8];
    /** Over the terms other than t: the best single score, Σ q², Σ q·maxMulti, max maxMultiNorm, Σ q·maxMultiShare. */
    double[] otherSingle = new double[8];
    double[] otherSquares = new double[8];
    double[] otherWeights = new double[8];
    double[] otherNorm = new double[8];
    double[] otherShares = new double[8];

    /** Collects the non-zero terms; the exact search is defined for non-negative queries only. */
    void set(float[] query, SparseIndex ix, Similarity sim) {
        m = 0;
        double squares = 0;
        for (int d = 0; d < query.length; d++) {
            float v = query[d];
            if (v == 0) {
                continue;
            }
            if (!(v > 0) || !Float.isFinite(v)) {
                throw new IllegalArgumentException("the sparse index answers queries with finite weights >= 0;"
                        + " dimension " + d + " is " + v);
            }
            if (m == dims.length) {
                grow();
            }
            dims[m] = d;
            weights[m] = v;
            squares += (double) v * v;
            m++;
        }
        norm = Math.sqrt(squares);
        for (int t = 0; t < m; t++) {
            single[t] = sim.singleScore(weights[t], ix.maxSingle(dims[t]), ix.singles(dims[t]), norm);
        }
        others(ix);
    }

    /** The "all terms but t" aggregates, from a suffix pass and a prefix pass (no cancellation). */
    private void others(SparseIndex ix) {
        for (int pass = 0; pass < 2; pass++) {
            clear(acc);
            for (int i = 0; i < m; i++) {
                int t = pass == 0 ? m - 1 - i : i;
                if (pass == 0) {
                    otherSingle[t] = acc[0];
                    otherSquares[t] = acc[1];
                    otherWeights[t] = acc[2];
                    otherNorm[t] = acc[3];
                    otherShares[t] = acc[4];
                } else {
                    otherSingle[t] = Math.max(otherSingle[t], acc[0]);
                    otherSquares[t] += acc[1];
                    otherWeights[t] += acc[2];
                    otherNorm[t] = Math.max(otherNorm[t], acc[3]);
                    otherShares[t] += acc[4];
                    double r = Math.sqrt(otherSquares[t]) * (1 + ROOM);
                    rest[t] = (float) r < r ? Math.nextUp((float) r) : (float) r;
                }
                add(acc, t, ix);
            }
        }
    }

    /** Term t's singles are settled (see {@code SparseSearch.takeSingles}): they no longer bound anything. */
    void dropSingles(int t, SparseIndex ix) {
        single[t] = Double.NEGATIVE_INFINITY;
        others(ix);
    }

    /** Empty running aggregates for {@link #add}. */
    static void clear(double[] acc) {
        Arrays.fill(acc, 0);
        acc[0] = Double.NEGATIVE_INFINITY;
    }

    /** Adds term t's contribution to running aggregates {best single, Σ q², Σ q·maxMulti, max norm, Σ q·share}. */
    void add(double[] acc, int t, SparseIndex ix) {
        acc[0] = Math.max(acc[0], single[t]);
        acc[1] += (double) weights[t] * weights[t];
        acc[2] += (double) weights[t] * ix.maxMulti(dims[t]);
        acc[3] = Math.max(acc[3], ix.maxMultiNorm(dims[t]));
        acc[4] += weights[t] * ix.maxMultiShare(dims[t]);
    }

    /**
     * The most an item can score if all its query dimensions are among those aggregated in {@code acc}: its list's
     * exact single score, or the multi bound with room for rounding. Ties lose, so it cannot enter unless this
     * exceeds θ.
     */
    double bound(double[] acc, Similarity sim) {
        return Math.max(acc[0], sim.multiBound(acc[1], acc[2], acc[3], acc[4], norm) * (1 + ROOM));
    }

    /** {@link #bound} of an item lacking term t. */
    double boundWithout(int t, Similarity sim) {
        return Math.max(otherSingle[t], sim.multiBound(otherSquares[t], otherWeights[t], otherNorm[t],
                otherShares[t], norm) * (1 + ROOM));
    }

    private void grow() {
        int n = 2 * dims.length;
        dims = Arrays.copyOf(dims, n);
        weights = Arrays.copyOf(weights, n);
        rest = Arrays.copyOf(rest, n);
        single = Arrays.copyOf(single, n);
        otherSingle = Arrays.copyOf(otherSingle, n);
        otherSquares = Arrays.copyOf(otherSquares, n);
        otherWeights = Arrays.copyOf(otherWeights, n);
        otherNorm = Arrays.copyOf(otherNorm, n);
        otherShares = Arrays.copyOf(otherShares, n);
    }
}
