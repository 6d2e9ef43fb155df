package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernels' unrolled loops and overlapping tails against plain double arithmetic, for every length shape. */
class SimdTest {

    @Test
    void kernelsMatchScalarArithmeticForEveryLength() {
        Random r = new Random(5);
        try (Arena arena = Arena.ofConfined()) {
            for (int f = 1; f <= 5 * Simd.SPECIES.length() + 3; f++) {
                check(r, arena, f);
            }
            check(r, arena, 396);
            check(r, arena, 1000);
        }
    }

    @Test
    void sumFoldsHalvesInOneFixedOrder() {
        Random r = new Random(7);
        int n = Simd.SPECIES.length();
        for (int t = 0; t < 1000; t++) {
            float[] lanes = random(r, n);
            float[] folded = lanes.clone(); // the reference order: lane i + lane i+half, halving down to lane 0
            for (int half = n / 2; half > 0; half /= 2) {
                for (int i = 0; i < half; i++) {
                    folded[i] += folded[i + half];
                }
            }
            float sum = Simd.sum(jdk.incubator.vector.FloatVector.fromArray(Simd.SPECIES, lanes, 0));
            assertEquals(folded[0], sum, 0f, "the build's splits depend on these exact bits");
        }
    }

    @Test
    void nonZerosFindsEveryComponentInOrderForEveryLength() {
        Random r = new Random(9);
        try (Arena arena = Arena.ofConfined()) {
            for (int f = 1; f <= 5 * Simd.SPECIES.length() + 3; f++) {
                for (double density : new double[] {0, 0.05, 0.5, 1}) {
                    float[] v = new float[f];
                    for (int i = 0; i < f; i++) {
                        v[i] = r.nextDouble() < density ? (r.nextBoolean() ? 1 : -1) * (0.01f + r.nextFloat()) : 0f;
                    }
                    if (f > 2) {
                        v[f - 1] = 0.5f; // the last lane of the tail
                        v[0] = -0f;      // negative zero is zero
                    }
                    long offset = 16;
                    MemorySegment seg = arena.allocate(offset + 4L * f);
                    MemorySegment.copy(v, 0, seg, Simd.FLOAT, offset, f);
                    int[] dims = new int[f];
                    float[] values = new float[f];
                    int n = Simd.nonZeros(seg, offset, f, dims, values);
                    int expected = 0;
                    for (int i = 0; i < f; i++) {
                        if (v[i] != 0f) {
                            assertEquals(i, dims[expected], "f=" + f);
                            assertEquals(v[i], values[expected], 0f, "f=" + f);
                            expected++;
                        }
                    }
                    assertEquals(expected, n, "f=" + f + " density " + density);
                }
            }
        }
    }

    private static void check(Random r, Arena arena, int f) {
        float[] q = random(r, f);
        float[] v = random(r, f);
        long offset = 12; // vectors sit after the node header, unaligned
        float[] w = random(r, f);
        long second = offset + 4L * f + 12; // a second vector for the two-at-once kernel
        MemorySegment seg = arena.allocate(second + 4L * f);
        MemorySegment.copy(v, 0, seg, Simd.FLOAT, offset, f);
        MemorySegment.copy(w, 0, seg, Simd.FLOAT, second, f);
        double dot = 0;
        double sq = 0;
        for (int i = 0; i < f; i++) {
            dot += (double) q[i] * v[i];
            sq += (double) (q[i] - v[i]) * (q[i] - v[i]);
        }
        double tol = 1e-5 * f;
        assertEquals(dot, Simd.dot(q, seg, offset, f), tol, "dot(q, seg) f=" + f);
        assertEquals(dot, Simd.dot(q, v, f), tol, "dot(q, v) f=" + f);
        MemorySegment qs = arena.allocate(4L * f);
        MemorySegment.copy(q, 0, qs, Simd.FLOAT, 0, f);
        assertEquals(dot, Simd.dot(qs, 0, seg, offset, f), tol, "dot(seg, seg) f=" + f);
        assertEquals(sq, Simd.squaredDistance(q, seg, offset, f), tol, "squaredDistance f=" + f);
        float[] two = new float[2];
        Simd.dot2(q, seg, offset, second, f, two); // the pair path must rank exactly as the single one
        assertEquals(Simd.dot(q, seg, offset, f), two[0], 0f, "dot2 first f=" + f);
        assertEquals(Simd.dot(q, seg, second, f), two[1], 0f, "dot2 second f=" + f);
        Simd.dotPlanes(q, w, seg, offset, f, two); // two-means: both centroids against one item, same bits
        assertEquals(Simd.dot(q, seg, offset, f), two[0], 0f, "dotPlanes first f=" + f);
        assertEquals(Simd.dot(w, seg, offset, f), two[1], 0f, "dotPlanes second f=" + f);
        float[] moved = q.clone();
        float ix = 1f / 3f;
        Simd.moveTowards(moved, 4, seg, offset, ix, f);
        for (int i = 0; i < f; i++) {
            assertEquals((q[i] * 4f + v[i] * ix) * (1f / 5), moved[i], 0f, "moveTowards lane " + i + " f=" + f);
        }
        moved = q.clone(); // the segment's last vector: the masked tail must not read (or fail) past its end
        Simd.moveTowards(moved, 4, seg, second, ix, f);
        for (int i = 0; i < f; i++) {
            assertEquals((q[i] * 4f + w[i] * ix) * (1f / 5), moved[i], 0f, "moveTowards at the end, lane " + i);
        }
    }

    @Test
    void aMovedCentroidsNormFollowsFromTheDotProductBeforeTheMove() {
        // Plane.moved keeps |p|² without summing the moved vector again: over two-means' 200 steps it must stay
        // what the sum would give
        Random r = new Random(9);
        int f = 37;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(4L * f);
            Plane p = new Plane(f);
            float[] x = random(r, f);
            for (int i = 0; i < f; i++) {
                p.v[i] = x[i];
            }
            Simd.normalize(p.v, f);
            p.norm2(Simd.dot(p.v, p.v, f));
            for (int count = 1; count <= 200; count++) {
                x = random(r, f);
                MemorySegment.copy(x, 0, seg, Simd.FLOAT, 0, f);
                float ix = Simd.inverseNorm(Simd.dot(x, x, f));
                float px = Simd.dot(p.v, seg, 0, f);
                Simd.moveTowards(p.v, count, seg, 0, ix, f);
                p.moved(count, ix, px);
                double summed = Simd.dot(p.v, p.v, f);
                assertEquals(summed, p.norm2, 1e-5 * summed, "after move " + count);
                assertEquals(1 / Math.sqrt(summed), p.inv, 1e-5 / Math.sqrt(summed), "inverse norm, move " + count);
            }
        }
    }

    private static float[] random(Random r, int f) {
        float[] a = new float[f];
        for (int i = 0; i < f; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
