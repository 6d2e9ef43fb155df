package org.musicdiscovery.annoy;

/** The engine's SIMD dot product for callers that re-score candidates outside the index. */
public final class VectorMath {
    private VectorMath() {
    }

    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        return Simd.dot(a, b, a.length);
    }
}
