package org.musicdiscovery.annoy;

/**
 * A split hyperplane or a two-means centroid while a tree is built: the vector plus the metric's one extra scalar
 * (dot: the extra MIPS dimension; euclidean: the plane offset {@code a}).
 */
final class Plane {
    final float[] v;
    float extra;
    /** Two-means centroids of cosine metrics: the squared norm (dot: over the f+1 extended dimensions)... */
    double norm2;
    /** ...and its {@link Simd#inverseNorm}, which the distances use. */
    float inv;
    /** Scratch for {@link SparseItems}' local accumulators (a plane belongs to one thread). */
    final float[] acc = new float[SparseItems.MAX_TERMS];

    Plane(int f) {
        this.v = new float[f];
    }

    void norm2(double squared) {
        norm2 = squared;
        inv = Simd.inverseNorm(squared);
    }

    /**
     * The squared norm after {@link Simd#moveTowards} with weight {@code count}, from the one before and
     * {@code px} = p·x measured just before the move: |c·p + x/|x||² / (c+1)² = (c²|p|² + 2c·p·x/|x| + 1) / (c+1)².
     * Annoy sums |p|² again over the moved vector; this is the same quantity in a few double operations, off the
     * chain from one move to the next distance (tested against the sum over 200 moves).
     */
    void moved(int count, float ix, float px) {
        double c = count;
        norm2((c * c * norm2 + 2 * c * ix * px + 1) / ((c + 1) * (c + 1)));
    }
}
