package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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

    /** q · v where v is f floats at {@code offset} in the segment. */
    static float dot(float[] q, MemorySegment seg, long offset, int f) {
        var acc = FloatVector.zero(SPECIES);
        int i = 0;
        int bound = SPECIES.loopBound(f);
        for (; i < bound; i += SPECIES.length()) {
            var a = FloatVector.fromArray(SPECIES, q, i);
            var b = FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE);
            acc = a.fma(b, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < f; i++) {
            s += q[i] * seg.get(FLOAT, offset + 4L * i);
        }
        return s;
    }

    /** u · v for two vectors in segments. */
    static float dot(MemorySegment a, long aOff, MemorySegment b, long bOff, int f) {
        var acc = FloatVector.zero(SPECIES);
        int i = 0;
        int bound = SPECIES.loopBound(f);
        for (; i < bound; i += SPECIES.length()) {
            var x = FloatVector.fromMemorySegment(SPECIES, a, aOff + 4L * i, LE);
            var y = FloatVector.fromMemorySegment(SPECIES, b, bOff + 4L * i, LE);
            acc = x.fma(y, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < f; i++) {
            s += a.get(FLOAT, aOff + 4L * i) * b.get(FLOAT, bOff + 4L * i);
        }
        return s;
    }

    static float dot(float[] a, float[] b, int f) {
        var acc = FloatVector.zero(SPECIES);
        int i = 0;
        int bound = SPECIES.loopBound(f);
        for (; i < bound; i += SPECIES.length()) {
            acc = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < f; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Σ (q − v)² with v in the segment. */
    static float squaredDistance(float[] q, MemorySegment seg, long offset, int f) {
        var acc = FloatVector.zero(SPECIES);
        int i = 0;
        int bound = SPECIES.loopBound(f);
        for (; i < bound; i += SPECIES.length()) {
            var d = FloatVector.fromArray(SPECIES, q, i)
                    .sub(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE));
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < f; i++) {
            float d = q[i] - seg.get(FLOAT, offset + 4L * i);
            s += d * d;
        }
        return s;
    }

    static void read(MemorySegment seg, long offset, float[] out, int f) {
        MemorySegment.copy(seg, FLOAT, offset, out, 0, f);
    }
}
