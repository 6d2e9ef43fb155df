package org.musicdiscovery.annoy;

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
        long entries = 0;
        int[] counts = new int[nItems];
        for (int i = 0; i < nItems; i++) {
            counts[i] = items.nd(i) == 1 ? nonZeros(items, i, vectorOffset, f, limit) : limit + 1;
            entries += counts[i] <= limit ? counts[i] : 0;
        }
        if (entries > Integer.MAX_VALUE - 8 || entries * 8 + nItems * 5L > budgetBytes) {
            return null;
        }
        byte[] kind = new byte[nItems];
        int[] start = new int[nItems + 1];
        int[] dims = new int[(int) entries];
        float[] values = new float[(int) entries];
        int e = 0;
        for (int i = 0; i < nItems; i++) {
            start[i] = e;
            if (counts[i] > limit) {
                continue;
            }
            long base = items.offset(i) + vectorOffset;
            int first = -1;
            int second = -1;
            kind[i] = Lanes.scalar(f) ? LANES : TWO_LANES;
            for (int d = 0; d < f; d++) {
                float x = items.segment().get(Simd.FLOAT, base + 4L * d);
                if (x != 0) {
                    dims[e] = d;
                    values[e++] = x;
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

    private static int nonZeros(NodeStore items, int item, int vectorOffset, int f, int limit) {
        long base = items.offset(item) + vectorOffset;
        int n = 0;
        for (int d = 0; d < f && n <= limit; d++) {
            if (items.segment().get(Simd.FLOAT, base + 4L * d) != 0) {
                n++;
            }
        }
        return n;
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
