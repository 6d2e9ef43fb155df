package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of a sparse index file, the one place that knows it (the builder writes through it, the reader
 * reads through it). Little-endian; a 64-byte header, then sections each starting on a 64-byte boundary:
 * <pre>
 *   header   "MDSPARSE", int version, int nDims, int nItems, int 0, long nPostings, zeros to byte 64
 *   starts   long[nDims + 1]   list d holds postings starts[d] .. starts[d+1]-1
 *   stats    32 bytes per list, the per-list upper bounds, apart for items with one dimension ("singles",
 *            whose score is known exactly from the posting) and the others ("multis"):
 *              int singles, float max single weight, int singles at that weight,
 *              float max multi weight, double max multi norm, double max multi weight/norm (rounded up)
 *   norms    double[nItems]    each item's norm, computed as {@link Similarity#norm} does
 *   docs     int[nPostings]    item ids, strictly ascending within a list
 *   weights  float[nPostings]  the item's weight in the list's dimension (> 0)
 *   resid    float[nPostings]  the item's norm outside that dimension, √(Σ_{s≠d} x_s²), rounded up; exactly 0
 *                              when the item has no other dimension
 * </pre>
 * Postings are stored as parallel arrays so the search can read 16 weights and 16 residuals as two SIMD loads.
 */
record SparseLayout(int nDims, int nItems, long nPostings) {
    static final byte[] MAGIC = "MDSPARSE".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = 64;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static long align(long offset) {
        return (offset + 63) & ~63L;
    }

    long starts() {
        return HEADER;
    }

    static final int STATS = 32;

    long stats() {
        return align(starts() + 8L * (nDims + 1));
    }

    long norms() {
        return align(stats() + (long) STATS * nDims);
    }

    long docs() {
        return align(norms() + 8L * nItems);
    }

    long weights() {
        return align(docs() + 4L * nPostings);
    }

    long resid() {
        return align(weights() + 4L * nPostings);
    }

    long fileBytes() {
        return resid() + 4L * nPostings;
    }

    void writeHeader(MemorySegment seg) {
        MemorySegment.copy(MAGIC, 0, seg, ValueLayout.JAVA_BYTE, 0, MAGIC.length);
        seg.set(INT, 8, VERSION);
        seg.set(INT, 12, nDims);
        seg.set(INT, 16, nItems);
        seg.set(INT, 20, 0);
        seg.set(LONG, 24, nPostings);
    }

    /** Reads the counts from a header; null when the magic or version is wrong. */
    static SparseLayout readHeader(MemorySegment seg) {
        if (seg.byteSize() < HEADER) {
            return null;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, i) != MAGIC[i]) {
                return null;
            }
        }
        if (seg.get(INT, 8) != VERSION) {
            return null;
        }
        return new SparseLayout(seg.get(INT, 12), seg.get(INT, 16), seg.get(LONG, 24));
    }
}
