package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The few vector kernels the engine needs, with {@code jdk.incubator.vector} (run with
 * {@code --add-modules jdk.incubator.vector}). Vectors in the index are read straight from the mapped file.
 */
final class Simd {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private Simd() {
    }

    // Several independent accumulators: one FMA chain is bound by FMA latency, not throughput. The tail is one
    // overlapping load of the last full vector with the lanes already counted zeroed: element-wise segment reads
    // (bounds and liveness checks each) cost as much as the whole vector loop at f = 396 on 16-lane AVX-512.

    /**
     * The lanes' sum in one fixed order: halves folded onto each other, then lane 0. {@code reduceLanes(ADD)} may
     * add in any order and does differ between the interpreter and C2, so a build's splits — and the file — would
     * depend on when the JIT kicked in.
     */
    static float sum(FloatVector v) {
        for (int half = v.length() / 2; half > 0; half /= 2) {
            v = v.add(v.slice(half));
        }
        return v.lane(0);
    }

    /** q · v where v is f floats at {@code offset} in the segment. */
    static float dot(float[] q, MemorySegment seg, long offset, int f) {
        int n = SPECIES.length();
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        var a2 = a0;
        var a3 = a0;
        int i = 0;
        for (int bound4 = f - 4 * n; i <= bound4; i += 4 * n) {
            long o = offset + 4L * i;
            a0 = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromMemorySegment(SPECIES, seg, o, LE), a0);
            a1 = FloatVector.fromArray(SPECIES, q, i + n)
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, o + 4L * n, LE), a1);
            a2 = FloatVector.fromArray(SPECIES, q, i + 2 * n)
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, o + 8L * n, LE), a2);
            a3 = FloatVector.fromArray(SPECIES, q, i + 3 * n)
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, o + 12L * n, LE), a3);
        }
        for (; i <= f - n; i += n) {
            a0 = FloatVector.fromArray(SPECIES, q, i)
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE), a0);
        }
        if (i < f && f >= n) { // overlapping last vector, lanes already counted zeroed
            int from = f - n;
            a1 = a1.add(FloatVector.fromArray(SPECIES, q, from)
                    .mul(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * from, LE))
                    .blend(0f, SPECIES.indexInRange(0, i - from)));
            i = f;
        }
        float s = sum(a0.add(a1).add(a2.add(a3)));
        for (; i < f; i++) {
            s += q[i] * seg.get(FLOAT, offset + 4L * i);
        }
        return s;
    }

    /** u · v for two vectors in segments. */
    static float dot(MemorySegment a, long aOff, MemorySegment b, long bOff, int f) {
        int n = SPECIES.length();
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        int i = 0;
        for (int bound2 = f - 2 * n; i <= bound2; i += 2 * n) {
            a0 = FloatVector.fromMemorySegment(SPECIES, a, aOff + 4L * i, LE)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, bOff + 4L * i, LE), a0);
            a1 = FloatVector.fromMemorySegment(SPECIES, a, aOff + 4L * (i + n), LE)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, bOff + 4L * (i + n), LE), a1);
        }
        for (; i <= f - n; i += n) {
            a0 = FloatVector.fromMemorySegment(SPECIES, a, aOff + 4L * i, LE)
                    .fma(FloatVector.fromMemorySegment(SPECIES, b, bOff + 4L * i, LE), a0);
        }
        if (i < f && f >= n) {
            int from = f - n;
            a1 = a1.add(FloatVector.fromMemorySegment(SPECIES, a, aOff + 4L * from, LE)
                    .mul(FloatVector.fromMemorySegment(SPECIES, b, bOff + 4L * from, LE))
                    .blend(0f, SPECIES.indexInRange(0, i - from)));
            i = f;
        }
        float s = sum(a0.add(a1));
        for (; i < f; i++) {
            s += a.get(FLOAT, aOff + 4L * i) * b.get(FLOAT, bOff + 4L * i);
        }
        return s;
    }

    static float dot(float[] a, float[] b, int f) {
        int n = SPECIES.length();
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        int i = 0;
        for (int bound2 = f - 2 * n; i <= bound2; i += 2 * n) {
            a0 = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), a0);
            a1 = FloatVector.fromArray(SPECIES, a, i + n).fma(FloatVector.fromArray(SPECIES, b, i + n), a1);
        }
        for (; i <= f - n; i += n) {
            a0 = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), a0);
        }
        float s = sum(a0.add(a1));
        for (; i < f; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Σ (q − v)² with v in the segment. */
    static float squaredDistance(float[] q, MemorySegment seg, long offset, int f) {
        int n = SPECIES.length();
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        int i = 0;
        for (int bound2 = f - 2 * n; i <= bound2; i += 2 * n) {
            var d0 = FloatVector.fromArray(SPECIES, q, i)
                    .sub(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE));
            var d1 = FloatVector.fromArray(SPECIES, q, i + n)
                    .sub(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * (i + n), LE));
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
        }
        for (; i <= f - n; i += n) {
            var d = FloatVector.fromArray(SPECIES, q, i)
                    .sub(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE));
            a0 = d.fma(d, a0);
        }
        if (i < f && f >= n) {
            int from = f - n;
            var d = FloatVector.fromArray(SPECIES, q, from)
                    .sub(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * from, LE))
                    .blend(0f, SPECIES.indexInRange(0, i - from));
            a1 = d.fma(d, a1);
            i = f;
        }
        float s = sum(a0.add(a1));
        for (; i < f; i++) {
            float d = q[i] - seg.get(FLOAT, offset + 4L * i);
            s += d * d;
        }
        return s;
    }

    /**
     * Two-means step, Annoy's {@code p[z] = (p[z]·c + v[z]/norm) / (c+1)} with the same float operations in the same
     * order per element (no FMA), so the result is bit-identical to the scalar loop.
     */
    static void moveTowards(float[] p, int count, MemorySegment seg, long offset, float norm, int f) {
        float c = count;
        float c1 = count + 1;
        int i = 0;
        for (int bound = SPECIES.loopBound(f); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, p, i).mul(c)
                    .add(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE).div(norm))
                    .div(c1).intoArray(p, i);
        }
        for (; i < f; i++) {
            p[i] = (p[i] * c + seg.get(FLOAT, offset + 4L * i) / norm) / c1;
        }
    }

    static void read(MemorySegment seg, long offset, float[] out, int f) {
        MemorySegment.copy(seg, FLOAT, offset, out, 0, f);
    }
}
