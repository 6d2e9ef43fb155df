package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * A query of few non-zero dimensions (a genre mix: two or three of 396), so that its dot product with a stored
 * vector reads only those dimensions — a few floats of a node instead of all of its cache lines — and still sums to
 * the same bits as {@link Simd#dot(float[], MemorySegment, long, int)}. That kernel adds each dimension's product
 * into a fixed accumulator lane, in ascending order, and a product with a zero query weight adds exactly nothing;
 * so each non-zero term goes, in ascending order, into the lane the kernel would use, and the lanes are folded by
 * the kernel's own {@link Simd#sum}. Same bits means the same walk and the same answers as the dense path.
 * Reused per thread; not for queries that are mostly non-zero (then reading all of the vector is cheaper).
 */
final class SparseProbe {
    /** The sparse path is taken when at most f / DENSITY dimensions are non-zero. */
    static final int DENSITY = 8;

    private final int lanes = Simd.SPECIES.length();
    private final float[] acc = new float[2 * lanes];
    private int[] dims = new int[8];
    private float[] weights = new float[8];
    private int[] slot = new int[8];
    /** With at most two distinct lanes (twoLanes): 0 for the first term's lane, 1 for the other. */
    private int[] side = new int[8];
    private boolean twoLanes;
    private float[] row = new float[8];
    private int n;
    private boolean scalar;
    private boolean active;

    /** Takes the query's non-zero terms; returns whether the query is sparse enough for this path. */
    boolean set(float[] q, int f) {
        active = false;
        int limit = f / DENSITY;
        n = 0;
        for (int d = 0; d < f; d++) {
            if (q[d] != 0) {
                if (n == limit) {
                    return false;
                }
                add(d, q[d]);
            }
        }
        scalar = f < lanes;
        twoLanes = !scalar;
        int first = -1;
        int second = -1;
        for (int t = 0; t < n && !scalar; t++) {
            slot[t] = slotOf(dims[t], f);
            if (first < 0 || slot[t] == first) {
                first = slot[t];
                side[t] = 0;
            } else if (second < 0 || slot[t] == second) {
                second = slot[t];
                side[t] = 1;
            } else {
                twoLanes = false;
            }
        }
        active = true;
        return true;
    }

    boolean active() {
        return active;
    }

    void clear() {
        active = false;
    }

    private void add(int d, float w) {
        if (n == dims.length) {
            dims = Arrays.copyOf(dims, 2 * n);
            weights = Arrays.copyOf(weights, 2 * n);
            slot = Arrays.copyOf(slot, 2 * n);
            side = Arrays.copyOf(side, 2 * n);
        }
        dims[n] = d;
        weights[n++] = w;
    }

    /**
     * Which of Simd.dot's 2·lanes accumulator lanes dimension d is added into (0..lanes−1: the first accumulator),
     * following its loop: pairs of full vectors, then one full vector, then the last vector overlapping the end.
     */
    private int slotOf(int d, int f) {
        int pairs = f / (2 * lanes) * (2 * lanes);
        if (d < pairs) {
            return d % (2 * lanes);
        }
        int i = pairs;
        if (i <= f - lanes) {
            if (d < i + lanes) {
                return d - i;
            }
            i += lanes;
        }
        return lanes + d - (f - lanes);
    }

    /** q · v for the f floats at {@code offset}, bit-identical to the dense kernel. */
    float dot(MemorySegment seg, long offset) {
        float[] x = row.length < n ? (row = new float[n]) : row;
        for (int t = 0; t < n; t++) {
            x[t] = seg.get(Simd.FLOAT, offset + 4L * dims[t]);
        }
        return dot(x, 0);
    }

    /**
     * Reads the query's dimensions of {@code count} items (node {@code ids[i]} at ids[i]·nodeSize) into rows of
     * {@code out}, one row per item. Loads only: the reads of many items are in flight at once, where scoring each
     * item as it is read would wait on one item's cache misses at a time.
     */
    float[] gather(MemorySegment seg, int[] ids, int count, int nodeSize, int vectorOffset, float[] out) {
        if (out.length < count * n) {
            out = new float[Math.max(count * n, 2 * out.length)];
        }
        for (int i = 0, o = 0; i < count; i++) {
            long base = (long) ids[i] * nodeSize + vectorOffset;
            for (int t = 0; t < n; t++) {
                out[o++] = seg.get(Simd.FLOAT, base + 4L * dims[t]);
            }
        }
        return out;
    }

    /** The dot product with row {@code r} of what {@link #gather} read, bit-identical to the dense kernel. */
    float dot(float[] rows, int r) {
        int o = r * n;
        if (scalar) { // the kernel's short-vector loop: plain multiply and add in ascending order
            float s = 0;
            for (int t = 0; t < n; t++) {
                s += weights[t] * rows[o + t];
            }
            return s;
        }
        if (twoLanes) { // every partial sum of the kernel's fold is 0, a, b or a + b: no order to keep
            float a = 0;
            float b = 0;
            for (int t = 0; t < n; t++) {
                if (side[t] == 0) {
                    a = Math.fma(weights[t], rows[o + t], a);
                } else {
                    b = Math.fma(weights[t], rows[o + t], b);
                }
            }
            return a + b;
        }
        for (int t = 0; t < n; t++) {
            int l = slot[t];
            acc[l] = Math.fma(weights[t], rows[o + t], acc[l]);
        }
        float s = Simd.sum(FloatVector.fromArray(Simd.SPECIES, acc, 0)
                .add(FloatVector.fromArray(Simd.SPECIES, acc, lanes)));
        for (int t = 0; t < n; t++) {
            acc[slot[t]] = 0;
        }
        return s;
    }
}
