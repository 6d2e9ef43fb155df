package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
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

    // Two accumulators per vector: one FMA chain is bound by FMA latency. The pair kernel (dot2) must sum exactly as
    // the single one, and with four accumulators each it measured slower than with two (its eight chains and eight
    // loads per step); the single kernel follows its order. The tail is one overlapping load of the last
    // full vector with the lanes already counted zeroed: element-wise segment reads (bounds and liveness checks
    // each) cost as much as the whole vector loop at f = 396 on 16-lane AVX-512.

    private static final int LANES = SPECIES.length();
    /** The fold's steps: lane i gains lane i + h. Constants, so C2 turns each into one permute. */
    private static final VectorShuffle<Float> FOLD_8 = fold(8);
    private static final VectorShuffle<Float> FOLD_4 = fold(4);
    private static final VectorShuffle<Float> FOLD_2 = fold(2);
    private static final VectorShuffle<Float> FOLD_1 = fold(1);

    /**
     * The lanes' sum in one fixed order: halves folded onto each other (lane i + lane i + h for h = half the lanes,
     * a quarter, …, 1), then lane 0. {@code reduceLanes(ADD)} may add in any order and does differ between the
     * interpreter and C2, so a build's splits — and the file — would depend on when the JIT kicked in. Each fold is
     * one permute and one add. Taking the halves by {@code reinterpretShape} gave the same bits but cost ~12 ns more
     * per sum in a memory-bound loop (a probe, 2026-12-04: a split's margins over 500k random items of 64
     * dimensions, 37 → 26 ns each, C++ Annoy's 19), and shuffles read from an array instead of constants ~20 ns more.
     */
    static float sum(FloatVector v) {
        for (int h = LANES / 2; h > 8; h /= 2) { // wider than AVX-512: the same folds, not specialised
            v = v.add(v.slice(h));
        }
        if (LANES >= 16) {
            v = v.add(v.rearrange(FOLD_8));
        }
        if (LANES >= 8) {
            v = v.add(v.rearrange(FOLD_4));
        }
        if (LANES >= 4) {
            v = v.add(v.rearrange(FOLD_2));
        }
        if (LANES >= 2) {
            v = v.add(v.rearrange(FOLD_1));
        }
        return v.lane(0);
    }

    private static VectorShuffle<Float> fold(int h) {
        return h < LANES ? VectorShuffle.fromOp(SPECIES, i -> (i + h) & (LANES - 1)) : null;
    }

    /** q · v where v is f floats at {@code offset} in the segment; summed exactly as {@link #dot2} sums each. */
    static float dot(float[] q, MemorySegment seg, long offset, int f) {
        int n = SPECIES.length();
        if (f < n) {
            return scalarDot(q, seg, offset, f);
        }
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        int i = 0;
        for (int bound2 = f - 2 * n; i <= bound2; i += 2 * n) {
            long o = offset + 4L * i;
            a0 = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromMemorySegment(SPECIES, seg, o, LE), a0);
            a1 = FloatVector.fromArray(SPECIES, q, i + n)
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, o + 4L * n, LE), a1);
        }
        if (i <= f - n) {
            a0 = FloatVector.fromArray(SPECIES, q, i)
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE), a0);
            i += n;
        }
        if (i < f) { // overlapping last vector, the query's lanes already counted zeroed
            int from = f - n;
            a1 = FloatVector.fromArray(SPECIES, q, from).blend(0f, SPECIES.indexInRange(0, i - from))
                    .fma(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * from, LE), a1);
        }
        return sum(a0.add(a1));
    }

    /** Shorter than one vector: plain floats. (Kept out of the kernels: even a loop that never runs slowed them.) */
    private static float scalarDot(float[] q, MemorySegment seg, long offset, int f) {
        float s = 0;
        for (int i = 0; i < f; i++) {
            s += q[i] * seg.get(FLOAT, offset + 4L * i);
        }
        return s;
    }

    /**
     * {@link #dot(float[], MemorySegment, long, int)} of q with two vectors at once, each summed exactly as the
     * single version sums it. Two independent streams keep twice the cache misses in flight: re-scoring tree
     * candidates scattered over a large file waits on memory more than it computes.
     */
    static void dot2(float[] q, MemorySegment seg, long offA, long offB, int f, float[] out) {
        int n = SPECIES.length();
        if (f < n) {
            out[0] = scalarDot(q, seg, offA, f);
            out[1] = scalarDot(q, seg, offB, f);
            return;
        }
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        var b0 = a0;
        var b1 = a0;
        int i = 0;
        for (int bound2 = f - 2 * n; i <= bound2; i += 2 * n) {
            var q0 = FloatVector.fromArray(SPECIES, q, i);
            var q1 = FloatVector.fromArray(SPECIES, q, i + n);
            long oa = offA + 4L * i;
            long ob = offB + 4L * i;
            a0 = q0.fma(FloatVector.fromMemorySegment(SPECIES, seg, oa, LE), a0);
            b0 = q0.fma(FloatVector.fromMemorySegment(SPECIES, seg, ob, LE), b0);
            a1 = q1.fma(FloatVector.fromMemorySegment(SPECIES, seg, oa + 4L * n, LE), a1);
            b1 = q1.fma(FloatVector.fromMemorySegment(SPECIES, seg, ob + 4L * n, LE), b1);
        }
        if (i <= f - n) {
            var qi = FloatVector.fromArray(SPECIES, q, i);
            a0 = qi.fma(FloatVector.fromMemorySegment(SPECIES, seg, offA + 4L * i, LE), a0);
            b0 = qi.fma(FloatVector.fromMemorySegment(SPECIES, seg, offB + 4L * i, LE), b0);
            i += n;
        }
        if (i < f) {
            int from = f - n;
            var qt = FloatVector.fromArray(SPECIES, q, from).blend(0f, SPECIES.indexInRange(0, i - from));
            a1 = qt.fma(FloatVector.fromMemorySegment(SPECIES, seg, offA + 4L * from, LE), a1);
            b1 = qt.fma(FloatVector.fromMemorySegment(SPECIES, seg, offB + 4L * from, LE), b1);
        }
        out[0] = sum(a0.add(a1));
        out[1] = sum(b0.add(b1));
    }

    /**
     * p · v and q · v into {@code out[0..1]} for one vector v in the segment, each summed exactly as
     * {@link #dot(float[], MemorySegment, long, int)} sums it: two-means measures an item against both centroids,
     * and reading the item once halves the loads.
     */
    static void dotPlanes(float[] p, float[] q, MemorySegment seg, long offset, int f, float[] out) {
        int n = SPECIES.length();
        if (f < n) {
            out[0] = scalarDot(p, seg, offset, f);
            out[1] = scalarDot(q, seg, offset, f);
            return;
        }
        var a0 = FloatVector.zero(SPECIES);
        var a1 = a0;
        var b0 = a0;
        var b1 = a0;
        int i = 0;
        for (int bound2 = f - 2 * n; i <= bound2; i += 2 * n) {
            long o = offset + 4L * i;
            var v0 = FloatVector.fromMemorySegment(SPECIES, seg, o, LE);
            var v1 = FloatVector.fromMemorySegment(SPECIES, seg, o + 4L * n, LE);
            a0 = FloatVector.fromArray(SPECIES, p, i).fma(v0, a0);
            b0 = FloatVector.fromArray(SPECIES, q, i).fma(v0, b0);
            a1 = FloatVector.fromArray(SPECIES, p, i + n).fma(v1, a1);
            b1 = FloatVector.fromArray(SPECIES, q, i + n).fma(v1, b1);
        }
        if (i <= f - n) {
            var v = FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE);
            a0 = FloatVector.fromArray(SPECIES, p, i).fma(v, a0);
            b0 = FloatVector.fromArray(SPECIES, q, i).fma(v, b0);
            i += n;
        }
        if (i < f) {
            int from = f - n;
            var mask = SPECIES.indexInRange(0, i - from);
            var v = FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * from, LE);
            a1 = FloatVector.fromArray(SPECIES, p, from).blend(0f, mask).fma(v, a1);
            b1 = FloatVector.fromArray(SPECIES, q, from).blend(0f, mask).fma(v, b1);
        }
        out[0] = sum(a0.add(a1));
        out[1] = sum(b0.add(b1));
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

    static float norm(float[] v, int f) {
        return (float) Math.sqrt(dot(v, v, f));
    }

    /** Scales v[0..f) to unit length (Annoy's normalize); a zero vector stays zero. */
    static void normalize(float[] v, int f) {
        float n = norm(v, f);
        if (n > 0) {
            for (int z = 0; z < f; z++) {
                v[z] /= n;
            }
        }
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
     * Two-means step, Annoy's {@code p[z] = (p[z]·c + v[z]/norm) / (c+1)} with its two divisions as products by
     * the reciprocals ({@code rn} = 1/norm, {@link #inverseNorm}): within an ulp of Annoy's per element, and one
     * rounding rule for lanes and tail, so the build stays deterministic.
     */
    static void moveTowards(float[] p, int count, MemorySegment seg, long offset, float rn, int f) {
        float c = count;
        float rc1 = 1f / (count + 1);
        int i = 0;
        for (int bound = SPECIES.loopBound(f); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, p, i).mul(c)
                    .add(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE).mul(rn)).mul(rc1)
                    .intoArray(p, i);
        }
        if (i < f) { // the tail under a mask, the same three roundings per lane: a scalar loop paid a segment read
            // (bounds and liveness checks) per element, 7 of MTG's 87 dimensions
            var m = SPECIES.indexInRange(i, f);
            FloatVector.fromArray(SPECIES, p, i, m).mul(c)
                    .add(FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE, m).mul(rn)).mul(rc1)
                    .intoArray(p, i, m);
        }
    }

    /**
     * 1/√x for a squared norm, 0 for a zero vector. Two-means works with inverse norms: its distances become
     * products, and the square root and division of each step are done once per item (per build) or per move.
     */
    static float inverseNorm(double squared) {
        return squared > 0 ? (float) (1.0 / Math.sqrt(squared)) : 0f;
    }

    static void read(MemorySegment seg, long offset, float[] out, int f) {
        MemorySegment.copy(seg, FLOAT, offset, out, 0, f);
    }

    /**
     * The non-zero components of the f floats at {@code offset}, ascending dimension, into {@code dims} and
     * {@code values} (each at least f long); returns how many. A genre vector has a handful of 396: one compare per
     * vector of lanes finds them without copying the vector out.
     */
    static int nonZeros(MemorySegment seg, long offset, int f, int[] dims, float[] values) {
        int n = 0;
        int i = 0;
        for (int bound = f - LANES; i <= bound; i += LANES) {
            var v = FloatVector.fromMemorySegment(SPECIES, seg, offset + 4L * i, LE);
            long bits = v.compare(VectorOperators.NE, 0f).toLong();
            while (bits != 0) {
                int lane = Long.numberOfTrailingZeros(bits);
                dims[n] = i + lane;
                values[n++] = seg.get(FLOAT, offset + 4L * (i + lane)); // a variable lane index is not intrinsic
                bits &= bits - 1;
            }
        }
        for (; i < f; i++) {
            float x = seg.get(FLOAT, offset + 4L * i);
            if (x != 0f) {
                dims[n] = i;
                values[n++] = x;
            }
        }
        return n;
    }
}
