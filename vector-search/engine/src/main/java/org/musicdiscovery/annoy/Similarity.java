package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Exact similarity scores, computed one way by every path that ranks items outside Annoy's own trees (the sparse
 * index, the re-ranking of tree candidates, the brute-force references in tests), so the paths agree to the last bit
 * and rank identically, ties included:
 * <ul>
 *   <li>{@code dot(q, x)} = Σ q_d·x_d over the dimensions in ascending order, each float product taken in double
 *       (where it is exact) and summed in double;</li>
 *   <li>{@code norm(x)} = √(Σ x_d²), summed the same way;</li>
 *   <li>{@link #DOT} = dot; {@link #COSINE} = (dot / norm(x)) / norm(q), 0 when either norm is 0. (Dividing by
 *       the item's norm first makes an item with a single dimension score exactly q_d / norm(q) whatever its
 *       weight: such items tie exactly, and the sparse index can tell ties without scoring them.)</li>
 * </ul>
 * A dimension where q or x is 0 adds exactly ±0, which leaves a double sum unchanged, so a sparse evaluation over
 * the non-zero dimensions gives the same bits as a dense one over all of them; a SIMD sum would not (lane counts
 * differ between machines, and so would the last bits, and with them the order of near-ties across replicas).
 * Ranking: score descending, then item id ascending.
 *
 * <p>Each constant also knows the upper bounds {@link SparseSearch} prunes with (package-private), so this is the
 * one place per similarity. For a query q ≥ 0 and an item x in the posting list of dimension t with weight w and
 * residual r ≥ |x without t|, Cauchy–Schwarz on the other dimensions gives dot ≤ q_t·w + |q without t|·r, and
 * cosine ≤ that over |q|·√(w²+r²). For a set N of query dimensions, items with a single dimension in N score at most
 * their list's exact single score, the others at most {@link #multiBound}.
 */
public enum Similarity {
    DOT {
        @Override
        public double score(double dot, double qNorm, double xNorm) {
            return dot;
        }

        @Override
        double singleScore(float q, float maxSingle, int singles, double qNorm) {
            return singles > 0 ? (double) q * maxSingle : Double.NEGATIVE_INFINITY;
        }

        @Override
        double multiBound(double squares, double weightBound, double maxNorm, double shareBound, double qNorm) {
            return Math.min(weightBound, Math.sqrt(squares) * maxNorm);
        }

        @Override
        float need(double theta, double qNorm) {
            return (float) (theta * (1 - SLACK));
        }

        @Override
        float singleCut(float a, double theta, boolean strict, double qNorm) {
            float w = (float) (theta / a); // a·w is exact in double, so the smallest passing w is found exactly
            while (w > 0 && passes((double) a * Math.nextDown(w), theta, strict)) {
                w = Math.nextDown(w);
            }
            while (!passes((double) a * w, theta, strict)) {
                w = Math.nextUp(w);
            }
            return w;
        }

        @Override
        VectorMask<Float> multisPassing(FloatVector w, FloatVector r, float a, float b, float need) {
            return w.mul(a).add(r.mul(b)).compare(VectorOperators.GE, need);
        }

        @Override
        boolean multiPasses(float w, float r, float a, float b, float need) {
            return a * w + b * r >= need;
        }
    },
    COSINE {
        @Override
        public double score(double dot, double qNorm, double xNorm) {
            return qNorm == 0 || xNorm == 0 ? 0 : dot / xNorm / qNorm;
        }

        @Override
        double singleScore(float q, float maxSingle, int singles, double qNorm) {
            return singles > 0 ? q / qNorm : Double.NEGATIVE_INFINITY; // (q·w)/w is exactly q
        }

        @Override
        double multiBound(double squares, double weightBound, double maxNorm, double shareBound, double qNorm) {
            return Math.min(Math.sqrt(squares), shareBound) / qNorm;
        }

        @Override
        float need(double theta, double qNorm) {
            return (float) (theta * qNorm * (1 - SLACK));
        }

        @Override
        float singleCut(float a, double theta, boolean strict, double qNorm) {
            return passes(a / qNorm, theta, strict) ? 0f : Float.POSITIVE_INFINITY; // every single scores a/|q|
        }

        @Override
        VectorMask<Float> multisPassing(FloatVector w, FloatVector r, float a, float b, float need) {
            return w.mul(a).add(r.mul(b)).compare(VectorOperators.GE, w.mul(w).add(r.mul(r)).sqrt().mul(need));
        }

        @Override
        boolean multiPasses(float w, float r, float a, float b, float need) {
            return a * w + b * r >= need * (float) Math.sqrt(w * w + r * r);
        }
    };

    /** Relative room the float filter leaves for its own rounding (~1e-7): it may pass a little too much, never drop. */
    static final double SLACK = 1e-5;
    /** Postings per filter block (16 with AVX-512); at most 64, the bits of a mask. */
    static final int LANES = Simd.SPECIES.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** The score under this similarity, from the exact dot product and both norms. */
    public abstract double score(double dot, double qNorm, double xNorm);

    /** Of an item's two exact scores as {@link SparseIndex#search} writes them, the one under this similarity. */
    public double of(double dot, double cosine) {
        return this == DOT ? dot : cosine;
    }

    /**
     * The exact best score of an item whose only dimension is a query dimension with weight q, over a list whose
     * singles (items with that one dimension) have weights up to {@code maxSingle}; −∞ if there are none.
     */
    abstract double singleScore(float q, float maxSingle, int singles, double qNorm);

    /**
     * The most an item with two or more dimensions can score if its query dimensions all lie in a set N, given over
     * N: Σ q_s², Σ q_s·(max multi weight), the largest multi norm, Σ q_s·(max multi weight/norm).
     */
    abstract double multiBound(double squares, double weightBound, double maxNorm, double shareBound, double qNorm);

    /**
     * The posting filter's threshold for a multi (an item with other dimensions): it passes if its bound reaches
     * this, set {@link #SLACK} below θ because the float arithmetic rounds.
     */
    abstract float need(double theta, double qNorm);

    /**
     * The smallest weight at which a single (an item with only this dimension, query weight a) beats θ
     * ({@code strict}: θ is a kept score and later items lose ties) or reaches it (θ is a floor); exact.
     */
    abstract float singleCut(float a, double theta, boolean strict, double qNorm);

    /** Which multis (weights w, residuals r) of a block have a bound reaching {@code need}; see {@link #passMask}. */
    abstract VectorMask<Float> multisPassing(FloatVector w, FloatVector r, float a, float b, float need);

    /** {@link #multisPassing} for one posting (a block's tail). */
    abstract boolean multiPasses(float w, float r, float a, float b, float need);

    /**
     * Which of the n ≤ {@link #LANES} postings from p of a list hold an item that can still enter, as bits: singles
     * (residual 0) at or above {@code cut}, multis whose bound reaches {@code need}. {@code a} is the query's weight
     * in the list's dimension, {@code b} an upper bound of the query's norm outside it.
     */
    long passMask(MemorySegment seg, long wOff, long rOff, long p, int n, float a, float b, float need, float cut) {
        if (n == LANES) {
            var w = FloatVector.fromMemorySegment(Simd.SPECIES, seg, wOff + 4 * p, LE);
            var r = FloatVector.fromMemorySegment(Simd.SPECIES, seg, rOff + 4 * p, LE);
            VectorMask<Float> single = r.compare(VectorOperators.EQ, 0f);
            return single.and(w.compare(VectorOperators.GE, cut)).or(single.not()
                    .and(multisPassing(w, r, a, b, need))).toLong();
        }
        long mask = 0;
        for (int i = 0; i < n; i++) {
            if (postingPasses(seg, wOff, rOff, p + i, a, b, need, cut)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** {@link #passMask} for the one posting p. */
    boolean postingPasses(MemorySegment seg, long wOff, long rOff, long p, float a, float b, float need, float cut) {
        float w = weight(seg, wOff, p), r = weight(seg, rOff, p);
        return r == 0 ? w >= cut : multiPasses(w, r, a, b, need);
    }

    /** The first posting in [from, to) that {@link #passMask} lets through, or −1. */
    long firstReaching(MemorySegment seg, long wOff, long rOff, long from, long to, float a, float b, float need,
            float cut) {
        if (from < to && postingPasses(seg, wOff, rOff, from, a, b, need, cut)) { // often so after a seek: no block
            return from;
        }
        for (long p = from + 1; p < to; p += LANES) {
            long mask = passMask(seg, wOff, rOff, p, (int) Math.min(LANES, to - p), a, b, need, cut);
            if (mask != 0) {
                return p + Long.numberOfTrailingZeros(mask);
            }
        }
        return -1;
    }

    private static boolean passes(double score, double theta, boolean strict) {
        return strict ? score > theta : score >= theta;
    }

    private static float weight(MemorySegment seg, long off, long p) {
        return seg.get(SparseLayout.FLOAT, off + 4 * p);
    }

    /** "dot" → DOT; "angular" (the tree metric whose order is cosine's) or "cosine" → COSINE. */
    public static Similarity of(String metric) {
        return switch (metric == null ? "" : metric.toLowerCase(Locale.ROOT)) {
            case "dot" -> DOT;
            case "angular", "cosine" -> COSINE;
            default -> throw new IllegalArgumentException("similarity must be dot or cosine (angular), got " + metric);
        };
    }

    /** Σ q_d·x_d, ascending d, in double. */
    public static double dot(float[] q, float[] x) {
        if (q.length != x.length) {
            throw new IllegalArgumentException("lengths differ: " + q.length + " vs " + x.length);
        }
        double s = 0;
        for (int d = 0; d < q.length; d++) {
            if (q[d] != 0) {
                s += (double) q[d] * x[d];
            }
        }
        return s;
    }

    /** The same dot product for a query given by its non-zero dimensions (ascending) and their weights. */
    public static double dot(int[] dims, float[] weights, int n, float[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) weights[i] * x[dims[i]];
        }
        return s;
    }

    /**
     * The same dot product reading only the query's dimensions of a vector stored at {@code offset} in a segment:
     * for a query of a few genres that is a few reads instead of copying the whole vector.
     */
    public static double dot(int[] dims, float[] weights, int n, MemorySegment seg, long offset) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) weights[i] * seg.get(Simd.FLOAT, offset + 4L * dims[i]);
        }
        return s;
    }

    /** √(Σ x_d²), ascending d, in double. */
    public static double norm(float[] x) {
        double s = 0;
        for (float v : x) {
            if (v != 0) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s);
    }
}
