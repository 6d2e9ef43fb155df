package org.musicdiscovery.annoy;

/**
 * Where {@link Simd#dot(float[], java.lang.foreign.MemorySegment, long, int)} adds each dimension's product, for
 * the sparse paths ({@link SparseProbe}, {@link SparseItems}) that skip the zero products yet must keep its bits:
 * it adds into 2·N accumulator lanes in ascending dimension order and folds them with {@link Simd#sum}; a zero
 * product adds exactly nothing, so adding the non-zero ones into the same lanes and folding the same way gives the
 * same float. Only lanes that hold terms need adding, in the kernel's fold order: {@link #plan}.
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
     * Plans a sparse sum over {@code dims[from..to)} (ascending): each term's local accumulator — one per distinct
     * lane — into {@code local[0..to−from)}, and the kernel's fold reduced to the merges between lanes that both hold
     * terms ({@code acc[dst[k]] += acc[src[k]]}, in this order: the lower lane gets the higher one added, as in the
     * kernel) into {@code dst}/{@code src}. Returns the number of merges; the sum ends in {@code acc[dst[last]]}, or
     * in {@code acc[0]} when there is none. {@code key}: scratch of at least to−from ints.
     */
    static int plan(int[] dims, int from, int to, int f, int[] local, int[] dst, int[] src, int[] key) {
        int m = 0;
        for (int e = from; e < to; e++) {
            int slot = slotOf(dims[e], f);
            int j = 0;
            while (j < m && key[j] != slot) {
                j++;
            }
            if (j == m) {
                key[m++] = slot;
            }
            local[e - from] = j;
        }
        int merges = 0;
        for (int size = N; size >= 1; size /= 2) { // first the two accumulators lane by lane, then the halvings
            for (int j = 0; j < m; j++) {
                if (key[j] < size) { // also a merged accumulator: its key is −1
                    continue;
                }
                int low = key[j] - size;
                int i = 0;
                while (i < m && key[i] != low) {
                    i++;
                }
                if (i < m) {
                    dst[merges] = i;
                    src[merges++] = j;
                    key[j] = -1;
                } else {
                    key[j] = low;
                }
            }
        }
        return merges;
    }
}
