package org.musicdiscovery.annoy;

/**
 * Where {@link Simd#dot(float[], java.lang.foreign.MemorySegment, long, int)} adds each dimension's product, for
 * the sparse paths ({@link SparseProbe}, {@link SparseItems}) that skip the zero products yet must keep its bits:
 * it adds into 2·N accumulator lanes in ascending dimension order and folds them with {@link Simd#sum}; a zero
 * product adds exactly nothing, so adding the non-zero ones into the same lanes and folding the same way gives the
 * same float. When they land in at most two lanes any fold order gives the same a + b, and no lanes are needed.
 */
final class Lanes {
    static final int N = Simd.SPECIES.length();

    private Lanes() {
    }

    /** Below one vector the kernel is a plain loop: multiply, add, ascending. */
    static boolean scalar(int f) {
        return f < N;
    }

    /**
     * The accumulator lane (0..2N−1; below N: the first accumulator) that dimension d is added into, following the
     * kernel's loop: pairs of full vectors, then one full vector, then the last vector overlapping the end.
     */
    static int slotOf(int d, int f) {
        int pairs = f / (2 * N) * (2 * N);
        if (d < pairs) {
            return d % (2 * N);
        }
        int i = pairs;
        if (i <= f - N) {
            if (d < i + N) {
                return d - i;
            }
            i += N;
        }
        return N + d - (f - N);
    }

    /**
     * The kernel's final fold — the two accumulators added lane by lane, then {@link Simd#sum}'s halving order — in
     * plain floats, zeroing the lanes for the next use. Plain floats: a few adds, and fast from the first call, where
     * vector code runs very slowly until C2 has compiled it (it cost a cold tree build ~0.8 s).
     */
    static float foldAndClear(float[] acc) {
        for (int j = 0; j < N; j++) {
            acc[j] += acc[j + N];
            acc[j + N] = 0;
        }
        for (int half = N / 2; half > 0; half /= 2) {
            for (int j = 0; j < half; j++) {
                acc[j] += acc[j + half];
                acc[j + half] = 0;
            }
        }
        float s = acc[0];
        acc[0] = 0;
        return s;
    }
}
