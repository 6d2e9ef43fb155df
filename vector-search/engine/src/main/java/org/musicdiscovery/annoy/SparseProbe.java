package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A query of few non-zero dimensions (a genre mix: two or three of 396), so that its dot product with a stored
 * vector reads only those dimensions — a few floats of a node instead of all of its cache lines — and still gives
 * the dense kernel's bits ({@link Lanes}): the same walk and the same answers as the dense path. Reused per thread;
 * not for queries that are mostly non-zero (then reading all of the vector is cheaper).
 */
final class SparseProbe {
    /** The sparse path is taken when at most f / DENSITY dimensions are non-zero. */
    static final int DENSITY = 8;

    private float[] acc = new float[8];
    private int[] dims = new int[8];
    private float[] weights = new float[8];
    /** The sum's plan ({@link Lanes#plan}): each term's local accumulator, and the merges between them. */
    private int[] local = new int[8];
    private int[] dst = new int[8];
    private int[] src = new int[8];
    private int[] key = new int[8];
    private int merges;
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
        scalar = Lanes.scalar(f);
        if (!scalar) {
            merges = Lanes.plan(dims, 0, n, f, local, dst, src, key);
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
            local = Arrays.copyOf(local, 2 * n);
            dst = Arrays.copyOf(dst, 2 * n);
            src = Arrays.copyOf(src, 2 * n);
            acc = Arrays.copyOf(acc, 2 * n);
            key = Arrays.copyOf(key, 2 * n);
        }
        dims[n] = d;
        weights[n++] = w;
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
        for (int t = 0; t < n; t++) {
            acc[local[t]] = Math.fma(weights[t], rows[o + t], acc[local[t]]);
        }
        for (int k = 0; k < merges; k++) {
            acc[dst[k]] += acc[src[k]];
        }
        float sum = acc[merges == 0 ? 0 : dst[merges - 1]];
        for (int t = 0; t < n; t++) {
            acc[local[t]] = 0;
        }
        return sum;
    }
}
