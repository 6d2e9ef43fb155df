package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/**
 * The non-zero entries of each item that has few (a song's genre mix: a handful of 396), kept while trees are
 * built: every split measures all of its items against the plane, and reading a few floats beats reading every
 * cache line of each item. The sums keep the dense kernel's bits ({@link Lanes}), so the trees — and the file —
 * are the same as without this. Items with many non-zeros stay dense. Built only when the records fit a share of
 * the heap; otherwise the builder reads items as before.
 *
 * <p>Each item has a fixed-size record at {@code item × stride} in one array, so one item's data is one or two
 * cache lines found without a lookup: a split visits its items in random order, and separate arrays per field (or
 * an offsets table) cost a cache miss each — on a 1M-item build that was slower than reading items densely.
 * Record: {@code [terms | merges << 16]}, then per term {@code [dim | local << 24, value bits]}, then per merge
 * {@code [dst | src << 8]} ({@link Lanes#plan}); a dense item's header is −1.
 */
final class SparseItems {
    /** Local accumulators are numbered in a byte. */
    static final int MAX_TERMS = 127;
    private static final int DENSE = -1;

    private final int stride;
    private final int[] records;

    private SparseItems(int stride, int[] records) {
        this.stride = stride;
        this.records = records;
    }

    /**
     * Below this many dimensions items stay dense: a short vector is one or two cache lines and a few vector
     * instructions, and the record's scalar sum costs more (300k synthetic items of 64 dimensions: 17 s to build
     * sparse, 11 s dense; 87 dimensions: the same; 396: 1.9 s against 2.4 s).
     */
    static final int MIN_DIMENSIONS = 128;

    /**
     * The sparse records of {@code items}' vectors (at {@code vectorOffset}), or null when they would not fit or not
     * pay.
     */
    static SparseItems of(NodeStore items, int nItems, int vectorOffset, int f, long budgetBytes) {
        int limit = Math.min(MAX_TERMS, f / SparseProbe.DENSITY);
        int stride = 1 + 3 * limit;
        if (f < MIN_DIMENSIONS || f >= 1 << 24 || (long) stride * nItems > Math.min(Integer.MAX_VALUE - 8, budgetBytes / 4)) {
            return null;
        }
        int[] records = new int[stride * nItems];
        float[] row = new float[f];
        int[] dims = new int[limit];
        int[] local = new int[limit];
        int[] dst = new int[limit];
        int[] src = new int[limit];
        int[] key = new int[limit];
        for (int i = 0; i < nItems; i++) {
            int r = i * stride;
            records[r] = DENSE;
            if (items.nd(i) != 1) {
                continue;
            }
            // one bulk copy per item: element-wise segment reads cost ~10× more before the JIT has warmed
            MemorySegment.copy(items.segment(), Simd.FLOAT, items.offset(i) + vectorOffset, row, 0, f);
            int n = 0;
            for (int d = 0; d < f && n <= limit; d++) {
                if (row[d] != 0) {
                    if (n < limit) {
                        dims[n] = d;
                    }
                    n++;
                }
            }
            if (n > limit) {
                continue;
            }
            int m = Lanes.plan(dims, 0, n, f, local, dst, src, key); // f ≥ MIN_DIMENSIONS: never the scalar loop
            records[r] = n | m << 16;
            for (int t = 0; t < n; t++) {
                records[r + 1 + 2 * t] = dims[t] | local[t] << 24;
                records[r + 2 + 2 * t] = Float.floatToRawIntBits(row[dims[t]]);
            }
            for (int k = 0; k < m; k++) {
                records[r + 1 + 2 * n + k] = dst[k] | src[k] << 8;
            }
        }
        return new SparseItems(stride, records);
    }

    boolean has(int item) {
        return records[item * stride] != DENSE;
    }

    /**
     * v · item, bit-identical to the dense kernel's {@code Simd.dot(v, item's vector)}; {@code acc}: the caller's
     * zeroed scratch of at least {@value #MAX_TERMS} floats, left zeroed.
     */
    float dot(float[] v, int item, float[] acc) {
        int r = item * stride;
        int header = records[r];
        int n = header & 0xffff;
        for (int t = 0; t < n; t++) {
            int term = records[r + 1 + 2 * t];
            int l = term >>> 24;
            acc[l] = Math.fma(v[term & 0xffffff], Float.intBitsToFloat(records[r + 2 + 2 * t]), acc[l]);
        }
        int m = header >>> 16;
        int merges = r + 1 + 2 * n;
        int last = 0;
        for (int k = merges; k < merges + m; k++) {
            int pair = records[k];
            last = pair & 0xff;
            acc[last] += acc[pair >>> 8];
        }
        float sum = acc[last];
        for (int t = 0; t < n; t++) {
            acc[records[r + 1 + 2 * t] >>> 24] = 0;
        }
        return sum;
    }
}
