package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * One place per metric for everything that differs between them, as in annoylib.h: the node layout, how items are
 * prepared, how two-means measures and moves centroids, the split plane, the margin, and the distance Annoy
 * returns. Layouts are those of Annoy ≤ 1.17.3: angular 12+4f, dot 16+4f, euclidean 16+4f bytes per node.
 */
public sealed interface Metric permits AngularMetric, DotMetric, EuclideanMetric {

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
     * build, as its inverse square root: each of a split's 200 steps needs it twice and the centroid moves by
     * {@code x / √xx}. Unused (0) for raw points.
     */
    float squaredNorm(NodeStore items, int item, int f);

    /**
     * Two-means of a cosine metric: p·x and q·x for centroids p, q and an item into {@code out[0..1]} (dot: over the
     * f+1 extended dimensions); {@link TwoMeans} turns them into Annoy's 2 − 2·cos.
     */
    void dots(Plane p, Plane q, NodeStore items, int item, int f, float[] out);

    /** Two-means of raw points (euclidean): the squared distance between a centroid and an item. */
    float pointDistance(Plane p, NodeStore items, int item, int f);

    /**
     * p ← (p·count + item·ix)/(count+1), ix being the item's {@link Simd#inverseNorm} of its {@link #squaredNorm}
     * (1 for raw points); {@code px}: p·x before the move (cosine metrics keep |p|² from it).
     */
    void moveTowards(Plane p, int count, NodeStore items, int item, float ix, float px, int f);

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
            case "angular" -> AngularMetric.INSTANCE;
            case "dot" -> DotMetric.INSTANCE;
            case "euclidean" -> EuclideanMetric.INSTANCE;
            default -> throw new IllegalArgumentException("metric must be angular, dot or euclidean, got " + name);
        };
    }
}
