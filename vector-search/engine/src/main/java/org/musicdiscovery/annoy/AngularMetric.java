package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/** Angular: {@code norm} (= |v|²) shares bytes 4..7 with {@code children[0]} in item nodes. */
final class AngularMetric implements Metric {
    static final AngularMetric INSTANCE = new AngularMetric();

    public String name() {
        return "angular";
    }

    public int childrenOffset() {
        return 4;
    }

    public int vectorOffset() {
        return 12;
    }

    public boolean cosine() {
        return true;
    }

    public void initItem(NodeStore items, int item, int f) {
        long off = items.offset(item) + 12;
        items.setFloat(item, 4, Simd.dot(items.segment(), off, items.segment(), off, f));
    }

    public void seed(Plane p, NodeStore items, int item, int f) {
        items.read(item, 12, p.v, f);
        Simd.normalize(p.v, f);
        p.norm2(Simd.dot(p.v, p.v, f));
    }

    public float squaredNorm(NodeStore items, int item, int f) {
        return items.getFloat(item, 4); // stored by initItem when the item was added
    }

    public void dots(Plane p, Plane q, NodeStore items, int item, int f, float[] out) {
        items.dot2(p, q, item, 12, f, out);
    }

    public float pointDistance(Plane p, NodeStore items, int item, int f) {
        throw new UnsupportedOperationException("angular two-means measures cosines");
    }

    public void moveTowards(Plane p, int count, NodeStore items, int item, float ix, float px, int f) {
        Simd.moveTowards(p.v, count, items.segment(), items.offset(item) + 12, ix, f);
        p.moved(count, ix, px);
    }

    public void split(Plane p, Plane q, Plane out, int f) {
        for (int z = 0; z < f; z++) {
            out.v[z] = p.v[z] - q.v[z];
        }
        Simd.normalize(out.v, f);
    }

    public float buildMargin(Plane m, NodeStore items, int item, int f) {
        return items.dot(m, item, 12, f);
    }

    public void writeSplit(NodeStore tree, int node, Plane m, int f) {
        tree.setFloats(node, 12, m.v, f);
    }

    public float marginOffset(MemorySegment seg, long node, boolean legacy) {
        return 0f;
    }

    @Override
    public float storedNorm(MemorySegment seg, long item) {
        return seg.get(Simd.FLOAT, item + 4);
    }

    public float rawDistanceFromDot(float qx, float qq, float stored, MemorySegment seg, long item, int f) {
        return fromDot(qx, qq, stored, seg, item, f);
    }

    public float rawDistance(float[] q, float qq, MemorySegment seg, long item, int f) {
        return fromDot(Simd.dot(q, seg, item + 12, f), qq, storedNorm(seg, item), seg, item, f);
    }

    @Override
    public void rawDistances(float[] q, float qq, MemorySegment seg, long a, long b, int f, float[] out) {
        Simd.dot2(q, seg, a + 12, b + 12, f, out);
        out[0] = fromDot(out[0], qq, storedNorm(seg, a), seg, a, f);
        out[1] = fromDot(out[1], qq, storedNorm(seg, b), seg, b, f);
    }

    /** 2 − 2·cos from q·x; |x|² is stored at bytes 4..7 (0 in files that predate it: computed then). */
    private static float fromDot(float pq, float qq, float xx, MemorySegment seg, long item, int f) {
        if (xx == 0) {
            xx = Simd.dot(seg, item + 12, seg, item + 12, f);
        }
        float ppqq = qq * xx;
        return ppqq > 0 ? (float) (2.0 - 2.0 * pq / Math.sqrt(ppqq)) : 2f;
    }

    public float returned(float raw) {
        return (float) Math.sqrt(Math.max(raw, 0f));
    }
}
