package org.musicdiscovery.annoy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * For every pair of dimensions a &lt; b, the items holding both, ascending id, each beside its two weights: built
 * when the index opens, from its per-item terms, off-heap in the index's arena (16 bytes a posting with the item's
 * squared norm rounded down, one posting per pair of an item's dimensions: 2.3 million, 37 MB, for the catalogue's
 * genres).
 *
 * <p>Why: for a query of two terms, the items that can beat one holding a single term are the items holding both,
 * and their exact scores need nothing but the two weights (and the norm). The posting lists find them by
 * intersecting two lists under a bound per list that cannot see an item's other dimensions, so most of what it
 * scores cannot enter; a pair's list is that intersection, read front to back. See {@link SparseSearch}.
 *
 * <p>Not built (null) when the dimensions are too many for a table of every pair, or the postings too many for
 * memory: the posting lists answer every query alone then, as exactly.
 */
final class PairLists {
    /** Past this many pairs of dimensions (2,048 dimensions) the table of list starts is not worth its memory. */
    static final long MAX_PAIRS = 2048L * 2048;
    /** Past this many postings (768 MB) the lists are not built. */
    static final long MAX_POSTINGS = 64L << 20;
    private static final long BYTES = 16;

    private final int nDims;
    private final MemorySegment starts; // int per (a, b) at a·nDims + b, then the end
    private final MemorySegment postings; // int item, float weight in a, float weight in b, float ≤ norm²

    private PairLists(int nDims, MemorySegment starts, MemorySegment postings) {
        this.nDims = nDims;
        this.starts = starts;
        this.postings = postings;
    }

    /** The lists of an index, in its arena; null when too large (see the class comment). */
    static PairLists build(SparseIndex ix, Arena arena) {
        int nDims = ix.nDims();
        if ((long) nDims * nDims > MAX_PAIRS) {
            return null;
        }
        int[] dims = new int[nDims];
        float[] values = new float[nDims];
        long[] count = new long[nDims * nDims + 1];
        long total = 0;
        for (int item = 0; item < ix.nItems(); item++) {
            int n = ix.terms(item, dims, values);
            total += (long) n * (n - 1) / 2;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    count[dims[i] * nDims + dims[j]]++;
                }
            }
        }
        if (total > MAX_POSTINGS) {
            return null;
        }
        MemorySegment starts = arena.allocate(4L * count.length, 4);
        long at = 0;
        for (int pair = 0; pair < count.length; pair++) {
            starts.setAtIndex(ValueLayout.JAVA_INT, pair, (int) at);
            long n = count[pair];
            count[pair] = at; // from here on: the next free slot of the pair's list
            at += n;
        }
        MemorySegment postings = arena.allocate(BYTES * Math.max(total, 1), 4);
        for (int item = 0; item < ix.nItems(); item++) { // ascending: each list comes out in ascending id
            int n = ix.terms(item, dims, values);
            float normSquared = squareBelow(ix.norm(item));
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    long slot = BYTES * count[dims[i] * nDims + dims[j]]++;
                    postings.set(ValueLayout.JAVA_INT, slot, item);
                    postings.set(ValueLayout.JAVA_FLOAT, slot + 4, values[i]);
                    postings.set(ValueLayout.JAVA_FLOAT, slot + 8, values[j]);
                    postings.set(ValueLayout.JAVA_FLOAT, slot + 12, normSquared);
                }
            }
        }
        return new PairLists(nDims, starts, postings);
    }

    /** The largest float at most x² (a bound that float rounding cannot push above the exact square). */
    static float squareBelow(double x) {
        double square = x * x;
        float f = (float) square;
        return f > square ? Math.nextDown(f) : f;
    }

    /** The first posting of the list of dimensions a &lt; b. */
    long start(int a, int b) {
        return starts.getAtIndex(ValueLayout.JAVA_INT, a * nDims + b);
    }

    /** One past the last posting of the list of dimensions a &lt; b. */
    long end(int a, int b) {
        return starts.getAtIndex(ValueLayout.JAVA_INT, a * nDims + b + 1);
    }

    int item(long p) {
        return postings.get(ValueLayout.JAVA_INT, BYTES * p);
    }

    /** The item's weight in the smaller dimension of the pair. */
    float first(long p) {
        return postings.get(ValueLayout.JAVA_FLOAT, BYTES * p + 4);
    }

    /** The item's weight in the larger dimension of the pair. */
    float second(long p) {
        return postings.get(ValueLayout.JAVA_FLOAT, BYTES * p + 8);
    }

    /** At most the item's squared norm: its score bound without reading the norm. */
    float squaredNormBelow(long p) {
        return postings.get(ValueLayout.JAVA_FLOAT, BYTES * p + 12);
    }

    long bytes() {
        return starts.byteSize() + postings.byteSize();
    }
}
