package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/**
 * Dot product (maximum inner product) through the Bachrach et al. extra dimension {@code dot_factor} =
 * √(M² − |v|²) at bytes 12..15. Splits use the corrected math of upstream PR #628 (two-means and planes over
 * all f+1 dimensions, the item's own extra dimension in the build margin) while the file keeps the released
 * 16+4f layout. Searching our files uses the correct margin {@code n·q}; a file from Annoy ≤ 1.17.3 is searched
 * with its own margin {@code n·q + df²} ({@code legacyDotMargin}) so results match the C++ reader exactly.
 */
final class DotMetric implements Metric {
    static final DotMetric INSTANCE = new DotMetric();

    public String name() {
        return "dot";
    }

    public int childrenOffset() {
        return 4;
    }

    public int vectorOffset() {
        return 16;
    }

    public boolean cosine() {
        return true;
    }

    public void initItem(NodeStore items, int item, int f) {
    }

    public void preprocess(NodeStore items, int nItems, int f) {
        float max = 0;
        for (int i = 0; i < nItems; i++) {
            long off = items.offset(i) + 16;
            float d = Simd.dot(items.segment(), off, items.segment(), off, f);
            float n = d < 0 ? 0 : (float) Math.sqrt(d);
            items.setFloat(i, 12, n);
            max = Math.max(max, n);
        }
        for (int i = 0; i < nItems; i++) {
            float n = items.getFloat(i, 12);
            float diff = max * max - n * n;
            items.setFloat(i, 12, diff < 0 ? 0 : (float) Math.sqrt(diff));
        }
    }

    public void seed(Plane p, NodeStore items, int item, int f) {
        items.read(item, 16, p.v, f);
        p.extra = items.getFloat(item, 12);
        normalizeExtended(p, f);
        p.norm2(extendedNorm2(p, f));
    }

    private static void normalizeExtended(Plane p, int f) {
        float n = (float) Math.sqrt(extendedNorm2(p, f));
        if (n > 0) {
            for (int z = 0; z < f; z++) {
                p.v[z] /= n;
            }
            p.extra /= n;
        }
    }

    private static float extendedNorm2(Plane p, int f) {
        return Simd.dot(p.v, p.v, f) + p.extra * p.extra;
    }

    public float squaredNorm(NodeStore items, int item, int f) {
        long off = items.offset(item) + 16;
        float df = items.getFloat(item, 12);
        return Simd.dot(items.segment(), off, items.segment(), off, f) + df * df;
    }

    /** Over the f+1 extended dimensions: two-means measures angular distance there (PR #628). */
    public void dots(Plane p, Plane q, NodeStore items, int item, int f, float[] out) {
        items.dot2(p, q, item, 16, f, out);
        float df = items.getFloat(item, 12);
        out[0] += p.extra * df;
        out[1] += q.extra * df;
    }

    public float pointDistance(Plane p, NodeStore items, int item, int f) {
        throw new UnsupportedOperationException("dot two-means measures cosines");
    }

    public void moveTowards(Plane p, int count, NodeStore items, int item, float ix, float px, int f) {
        Simd.moveTowards(p.v, count, items.segment(), items.offset(item) + 16, ix, f);
        p.extra = (p.extra * count + items.getFloat(item, 12) * ix) * (1f / (count + 1));
        p.moved(count, ix, px);
    }

    public void split(Plane p, Plane q, Plane out, int f) {
        for (int z = 0; z < f; z++) {
            out.v[z] = p.v[z] - q.v[z];
        }
        out.extra = p.extra - q.extra;
        normalizeExtended(out, f);
    }

    public float buildMargin(Plane m, NodeStore items, int item, int f) {
        return items.dot(m, item, 16, f) + m.extra * items.getFloat(item, 12);
    }

    public void writeSplit(NodeStore tree, int node, Plane m, int f) {
        tree.setFloat(node, 12, m.extra);
        tree.setFloats(node, 16, m.v, f);
    }

    public float marginOffset(MemorySegment seg, long node, boolean legacy) {
        float df = legacy ? seg.get(Simd.FLOAT, node + 12) : 0f;
        return df * df;
    }

    public float rawDistanceFromDot(float qx, float qq, float stored, MemorySegment seg, long item, int f) {
        return -qx;
    }

    public float rawDistance(float[] q, float qq, MemorySegment seg, long item, int f) {
        return -Simd.dot(q, seg, item + 16, f);
    }

    @Override
    public void rawDistances(float[] q, float qq, MemorySegment seg, long a, long b, int f, float[] out) {
        Simd.dot2(q, seg, a + 16, b + 16, f, out);
        out[0] = -out[0];
        out[1] = -out[1];
    }

    public float returned(float raw) {
        return -raw;
    }
}
