package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * One place per metric for everything that differs between them, as in annoylib.h: the node layout, how items are
 * prepared, how two-means measures and moves centroids, the split plane, the margin, and the distance Annoy
 * returns. Layouts are those of Annoy ≤ 1.17.3: angular 12+4f, dot 16+4f, euclidean 16+4f bytes per node.
 */
public sealed interface Metric permits Metric.Angular, Metric.Dot, Metric.Euclidean {

    String name();

    /** Byte offset of {@code children[]} (and of a bucket's item list). */
    int childrenOffset();

    /** Byte offset of the vector {@code v[f]}. */
    int vectorOffset();

    default int nodeSize(int f) {
        return vectorOffset() + 4 * f;
    }

    /** K: the most item ids a bucket node can hold (they overflow into the vector area). */
    default int leafCapacity(int f) {
        return (nodeSize(f) - childrenOffset()) / 4;
    }

    /** Whether two-means works on directions (normalised) or raw points. */
    boolean cosine();

    /** Fills the per-item fields Annoy writes when an item is added (angular: its squared norm). */
    void initItem(NodeStore items, int item, int f);

    /** Whole-index preparation before trees are built (dot: the MIPS extra dimension). */
    default void preprocess(NodeStore items, int nItems, int f) {
    }

    /** Loads item {@code item} into centroid {@code p} (normalised when {@link #cosine()}). */
    void seed(Plane p, NodeStore items, int item, int f);

    /**
     * The item's squared norm as two-means measures it (dot: over the f+1 extended dimensions), computed once per
     * build: each of a split's 200 steps needs it twice and the centroid moves by {@code x / √xx}. Unused (0) for
     * raw points.
     */
    float squaredNorm(NodeStore items, int item, int f);

    /** Two-means distance between a centroid and an item whose {@link #squaredNorm} is xx (smaller = closer). */
    float distance(Plane p, NodeStore items, int item, float xx, int f);

    /** p ← (p·count + item/norm)/(count+1). */
    void moveTowards(Plane p, int count, NodeStore items, int item, float norm, int f);

    /** The split plane between two final centroids. */
    void split(Plane p, Plane q, Plane out, int f);

    /** Which side of the plane an item falls on during the build: the sign of this. */
    float buildMargin(Plane m, NodeStore items, int item, int f);

    /** Writes the plane's vector and extra into a split node (n_descendants and children are the caller's). */
    void writeSplit(NodeStore tree, int node, Plane m, int f);

    /** What a split node adds to q·v for the search margin (dot: df² in Annoy ≤ 1.17.3 files; euclidean: a). */
    float marginOffset(MemorySegment seg, long node, boolean legacyDotMargin);

    /** The margin of a query at a split node during search. */
    default float searchMargin(MemorySegment seg, long node, float[] q, int f, boolean legacyDotMargin) {
        return Simd.dot(q, seg, node + vectorOffset(), f) + marginOffset(seg, node, legacyDotMargin);
    }

    /** The same margin, bit for bit, reading only a sparse query's dimensions. */
    default float searchMargin(MemorySegment seg, long node, SparseProbe q, boolean legacyDotMargin) {
        return q.dot(seg, node + vectorOffset()) + marginOffset(seg, node, legacyDotMargin);
    }

    /** Whether {@link #rawDistanceFromDot} works: euclidean needs |x|², which its nodes do not store. */
    default boolean scoresFromDot() {
        return true;
    }

    /** The item field a distance needs besides q·x (angular: |x|² at bytes 4..7), read ahead of scoring. */
    default float storedNorm(MemorySegment seg, long item) {
        return 0f;
    }

    /** {@link #rawDistance} from q·x, |q|² and {@link #storedNorm}, bit-identical to it. */
    float rawDistanceFromDot(float qx, float qq, float stored, MemorySegment seg, long item, int f);

    /** Annoy's raw distance between the query and an item node (smaller = closer). */
    float rawDistance(float[] q, float qq, MemorySegment seg, long item, int f);

    /** {@link #rawDistance} of two items into {@code out[0..1]}, bit-identical to it; see {@link PairScorer}. */
    default void rawDistances(float[] q, float qq, MemorySegment seg, long a, long b, int f, float[] out) {
        out[0] = rawDistance(q, qq, seg, a, f);
        out[1] = rawDistance(q, qq, seg, b, f);
    }

    /** The distance Annoy returns to callers for a raw distance. */
    float returned(float raw);

    static Metric of(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "angular" -> Angular.INSTANCE;
            case "dot" -> Dot.INSTANCE;
            case "euclidean" -> Euclidean.INSTANCE;
            default -> throw new IllegalArgumentException("metric must be angular, dot or euclidean, got " + name);
        };
    }

    private static float norm(float[] v, int f) {
        return (float) Math.sqrt(Simd.dot(v, v, f));
    }

    private static void readItem(Plane p, NodeStore items, int item, int vectorOffset, int f) {
        Simd.read(items.segment(), items.offset(item) + vectorOffset, p.v, f);
    }

    /** Angular: {@code norm} (= |v|²) shares bytes 4..7 with {@code children[0]} in item nodes. */
    final class Angular implements Metric {
        static final Angular INSTANCE = new Angular();

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
            readItem(p, items, item, 12, f);
            float n = norm(p.v, f);
            if (n > 0) {
                for (int z = 0; z < f; z++) {
                    p.v[z] /= n;
                }
            }
            p.extra = Simd.dot(p.v, p.v, f);
        }

        public float squaredNorm(NodeStore items, int item, int f) {
            return items.getFloat(item, 4); // stored by initItem when the item was added
        }

        public float distance(Plane p, NodeStore items, int item, float xx, int f) {
            float pp = p.extra != 0 ? p.extra : Simd.dot(p.v, p.v, f);
            float pq = items.dot(p, item, 12, f);
            float ppxx = pp * xx;
            return ppxx > 0 ? (float) (2.0 - 2.0 * pq / Math.sqrt(ppxx)) : 2f;
        }

        public void moveTowards(Plane p, int count, NodeStore items, int item, float norm, int f) {
            Simd.moveTowards(p.v, count, items.segment(), items.offset(item) + 12, norm, f);
            p.extra = Simd.dot(p.v, p.v, f);
        }

        public void split(Plane p, Plane q, Plane out, int f) {
            for (int z = 0; z < f; z++) {
                out.v[z] = p.v[z] - q.v[z];
            }
            float n = norm(out.v, f);
            if (n > 0) {
                for (int z = 0; z < f; z++) {
                    out.v[z] /= n;
                }
            }
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

    /**
     * Dot product (maximum inner product) through the Bachrach et al. extra dimension {@code dot_factor} =
     * √(M² − |v|²) at bytes 12..15. Splits use the corrected math of upstream PR #628 (two-means and planes over
     * all f+1 dimensions, the item's own extra dimension in the build margin) while the file keeps the released
     * 16+4f layout. Searching our files uses the correct margin {@code n·q}; a file from Annoy ≤ 1.17.3 is searched
     * with its own margin {@code n·q + df²} ({@code legacyDotMargin}) so results match the C++ reader exactly.
     */
    final class Dot implements Metric {
        static final Dot INSTANCE = new Dot();

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
            readItem(p, items, item, 16, f);
            p.extra = items.getFloat(item, 12);
            normalizeExtended(p, f);
            p.norm2 = extendedNorm2(p, f);
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

        /** Angular distance over the f+1 extended dimensions (PR #628); the centroid's norm kept by seed/move. */
        public float distance(Plane p, NodeStore items, int item, float xx, int f) {
            float pq = items.dot(p, item, 16, f) + p.extra * items.getFloat(item, 12);
            float ppxx = p.norm2 * xx;
            return ppxx > 0 ? (float) (2.0 - 2.0 * pq / Math.sqrt(ppxx)) : 2f;
        }

        public void moveTowards(Plane p, int count, NodeStore items, int item, float norm, int f) {
            Simd.moveTowards(p.v, count, items.segment(), items.offset(item) + 16, norm, f);
            p.extra = (p.extra * count + items.getFloat(item, 12) / norm) / (count + 1);
            p.norm2 = extendedNorm2(p, f);
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

    /** Euclidean: split nodes keep the plane offset {@code a} at bytes 4..7; children start at byte 8. */
    final class Euclidean implements Metric {
        static final Euclidean INSTANCE = new Euclidean();

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
            readItem(p, items, item, 16, f);
        }

        public float squaredNorm(NodeStore items, int item, int f) {
            return 0f;
        }

        public float distance(Plane p, NodeStore items, int item, float xx, int f) {
            return Simd.squaredDistance(p.v, items.segment(), items.offset(item) + 16, f);
        }

        public void moveTowards(Plane p, int count, NodeStore items, int item, float norm, int f) {
            Simd.moveTowards(p.v, count, items.segment(), items.offset(item) + 16, norm, f);
        }

        public void split(Plane p, Plane q, Plane out, int f) {
            for (int z = 0; z < f; z++) {
                out.v[z] = p.v[z] - q.v[z];
            }
            float n = norm(out.v, f);
            if (n > 0) {
                for (int z = 0; z < f; z++) {
                    out.v[z] /= n;
                }
            }
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
}
