package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/** Euclidean: split nodes keep the plane offset {@code a} at bytes 4..7; children start at byte 8. */
final class EuclideanMetric implements Metric {
    static final EuclideanMetric INSTANCE = new EuclideanMetric();

    public String name() {
        return "euclidean";
    }

    public int childrenOffset() {
        return 8;
    }

    public int vectorOffset() {
        return 16;
    }

    public boolean cosine() {
        return false;
    }

    public void initItem(NodeStore items, int item, int f) {
    }

    public void seed(Plane p, NodeStore items, int item, int f) {
        items.read(item, 16, p.v, f);
    }

    public float squaredNorm(NodeStore items, int item, int f) {
        return 0f;
    }

    public float pointDistance(Plane p, NodeStore items, int item, int f) {
        return Simd.squaredDistance(p.v, items.segment(), items.offset(item) + 16, f);
    }

    public void dots(Plane p, Plane q, NodeStore items, int item, int f, float[] out) {
        throw new UnsupportedOperationException("euclidean two-means measures points");
    }

    public void moveTowards(Plane p, int count, NodeStore items, int item, float ix, float px, int f) {
        Simd.moveTowards(p.v, count, items.segment(), items.offset(item) + 16, ix, f);
    }

    public void split(Plane p, Plane q, Plane out, int f) {
        for (int z = 0; z < f; z++) {
            out.v[z] = p.v[z] - q.v[z];
        }
        Simd.normalize(out.v, f);
        float a = 0;
        for (int z = 0; z < f; z++) {
            a += -out.v[z] * (p.v[z] + q.v[z]) / 2;
        }
        out.extra = a;
    }

    public float buildMargin(Plane m, NodeStore items, int item, int f) {
        return m.extra + items.dot(m, item, 16, f);
    }

    public void writeSplit(NodeStore tree, int node, Plane m, int f) {
        tree.setFloat(node, 4, m.extra);
        tree.setFloats(node, 16, m.v, f);
    }

    public float marginOffset(MemorySegment seg, long node, boolean legacy) {
        return seg.get(Simd.FLOAT, node + 4);
    }

    @Override
    public boolean scoresFromDot() {
        return false;
    }

    public float rawDistanceFromDot(float qx, float qq, float stored, MemorySegment seg, long item, int f) {
        throw new UnsupportedOperationException("euclidean distances need the whole item vector");
    }

    public float rawDistance(float[] q, float qq, MemorySegment seg, long item, int f) {
        return Simd.squaredDistance(q, seg, item + 16, f);
    }

    public float returned(float raw) {
        return (float) Math.sqrt(Math.max(raw, 0f));
    }
}
