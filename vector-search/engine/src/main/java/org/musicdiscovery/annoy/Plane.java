package org.musicdiscovery.annoy;

/**
 * A split hyperplane or a two-means centroid while a tree is built: the vector plus the metric's one extra scalar
 * (angular: cached squared norm; dot: the extra MIPS dimension; euclidean: the plane offset {@code a}).
 */
final class Plane {
    final float[] v;
    float extra;
    /** Dot only: the cached squared norm over the f+1 extended dimensions (angular keeps its own in extra). */
    float norm2;
    /** Scratch for {@link SparseItems}' local accumulators (a plane belongs to one thread). */
    final float[] acc = new float[SparseItems.MAX_TERMS];

    Plane(int f) {
        this.v = new float[f];
    }
}
