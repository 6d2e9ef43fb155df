package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The non-zero entries of each item that has few (a song's genre mix: a handful of 396), kept while trees are
 * built: every split measures all of its items against the plane, and reading a few floats beats reading every
 * cache line of each item. The sums keep the dense kernel's bits ({@link Lanes}), so the trees — and the file —
 * are the same as without this. Items with many non-zeros stay dense. Built only when the entries fit a small
 * share of the heap; otherwise the builder reads items as before.
 */
final class SparseItems {
    private static final byte DENSE = 0;
    private static final byte TWO_LANES = 1;
    private static final byte LANES = 2;

    private final int f;
    private final byte[] kind;
    private final int[] start;
    private final int[] dims;
    private final float[] values;
    private final byte[] slotOfDim;

    private SparseItems(int f, byte[] kind, int[] start, int[] dims, float[] values) {
        this.f = f;
        this.kind = kind;
        this.start = start;
        this.dims = dims;
        this.values = values;
        this.slotOfDim = new byte[f];
        for (int d = 0; d < f && !Lanes.scalar(f); d++) {
            slotOfDim[d] = (byte) Lanes.slotOf(d, f);
        }
    }

    /** The sparse entries of {@code items}' vectors (at {@code vectorOffset}), or null when they would not fit. */
    static SparseItems of(NodeStore items, int nItems, int vectorOffset, int f, long budgetBytes) {
        int limit = f / SparseProbe.DENSITY;
        long maxEntries = Math.min(Integer.MAX_VALUE - 8, (budgetBytes - nItems * 5L) / 8);
        if (maxEntries < 0) {
            return null;
        }
        byte[] kind = new byte[nItems];
        int[] start = new int[nItems + 1];
        int[] dims = new int[(int) Math.min(maxEntries, 1024)];
        float[] values = new float[dims.length];
        float[] row = new float[f];
        int e = 0;
        for (int i = 0; i < nItems; i++) {
            start[i] = e;
            if (items.nd(i) != 1) {
                continue;
            }
            // one bulk copy per item: element-wise segment reads cost ~10× more before the JIT has warmed
            MemorySegment.copy(items.segment(), Simd.FLOAT, items.offset(i) + vectorOffset, row, 0, f);
            int nonZeros = 0;
            for (int d = 0; d < f && nonZeros <= limit; d++) {
                nonZeros += row[d] != 0 ? 1 : 0;
            }
            if (nonZeros > limit) {
                continue;
            }
            if (e + nonZeros > dims.length) {
                if (e + nonZeros > maxEntries) {
                    return null;
                }
                int grown = (int) Math.min(maxEntries, Math.max(e + nonZeros, 2L * dims.length));
                dims = Arrays.copyOf(dims, grown);
                values = Arrays.copyOf(values, grown);
            }
            int first = -1;
            int second = -1;
            kind[i] = Lanes.scalar(f) ? LANES : TWO_LANES;
            for (int d = 0; d < f; d++) {
                if (row[d] != 0) {
                    dims[e] = d;
                    values[e++] = row[d];
                    int slot = Lanes.slotOf(d, f);
                    if (first < 0 || slot == first) {
                        first = slot;
                    } else if (second < 0 || slot == second) {
                        second = slot;
                    } else {
                        kind[i] = LANES;
                    }
                }
            }
        }
        start[nItems] = e;
        return new SparseItems(f, kind, start, dims, values);
    }

    boolean has(int item) {
        return kind[item] != DENSE;
    }

    /**
     * v · item, bit-identical to the dense kernel's {@code Simd.dot(v, item's vector)}; {@code lanes}: the caller's
     * zeroed 2·N floats, left zeroed.
     */
    float dot(float[] v, int item, float[] lanes) {
        int from = start[item];
        int to = start[item + 1];
        if (Lanes.scalar(f)) {
            float s = 0;
            for (int e = from; e < to; e++) {
                s += v[dims[e]] * values[e];
            }
            return s;
        }
        if (kind[item] == TWO_LANES) {
            int first = from < to ? slotOfDim[dims[from]] : 0;
            float a = 0;
            float b = 0;
            for (int e = from; e < to; e++) {
                if (slotOfDim[dims[e]] == first) {
                    a = Math.fma(v[dims[e]], values[e], a);
                } else {
                    b = Math.fma(v[dims[e]], values[e], b);
                }
            }
            return a + b;
        }
        for (int e = from; e < to; e++) {
            int slot = slotOfDim[dims[e]];
            lanes[slot] = Math.fma(v[dims[e]], values[e], lanes[slot]);
        }
        return Lanes.foldAndClear(lanes);
    }
}
