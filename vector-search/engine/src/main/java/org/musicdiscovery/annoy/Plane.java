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
    /** Scratch for {@link SparseItems}: the dense kernel's accumulator lanes (a plane belongs to one thread). */
    final float[] lanes = new float[2 * Lanes.N];

    Plane(int f) {
        this.v = new float[f];
    }
}
