package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/**
 * The upper bounds stored for one posting list, kept apart for "singles" (items whose only dimension is the list's:
 * their score is known exactly from the posting, and in genre data thousands of them tie) and "multis" (the rest):
 *
 * @param singles        how many singles the list holds
 * @param maxSingle      the largest weight of a single (0 if none)
 * @param atMaxSingle    how many singles have that weight
 * @param maxMulti       the largest weight of a multi (0 if none)
 * @param maxMultiNorm   the largest norm of a multi in the list
 * @param maxMultiShare  the largest weight/norm of a multi, rounded up (always below 1)
 */
record ListStats(int singles, float maxSingle, int atMaxSingle, float maxMulti, double maxMultiNorm,
        double maxMultiShare) {

    static final ListStats EMPTY = new ListStats(0, 0, 0, 0, 0, 0);

    /** Adds a posting of weight w of an item with norm {@code norm} ({@code single} if it has no other dimension). */
    ListStats with(float w, double norm, boolean single) {
        if (single) {
            int at = w > maxSingle ? 1 : w == maxSingle ? atMaxSingle + 1 : atMaxSingle;
            return new ListStats(singles + 1, Math.max(maxSingle, w), at, maxMulti, maxMultiNorm, maxMultiShare);
        }
        return new ListStats(singles, maxSingle, atMaxSingle, Math.max(maxMulti, w), Math.max(maxMultiNorm, norm),
                Math.max(maxMultiShare, Math.nextUp(w / norm)));
    }

    static ListStats read(MemorySegment seg, long at) {
        return new ListStats(seg.get(SparseLayout.INT, at), seg.get(SparseLayout.FLOAT, at + 4),
                seg.get(SparseLayout.INT, at + 8), seg.get(SparseLayout.FLOAT, at + 12),
                seg.get(SparseLayout.DOUBLE, at + 16), seg.get(SparseLayout.DOUBLE, at + 24));
    }

    void write(MemorySegment seg, long at) {
        seg.set(SparseLayout.INT, at, singles);
        seg.set(SparseLayout.FLOAT, at + 4, maxSingle);
        seg.set(SparseLayout.INT, at + 8, atMaxSingle);
        seg.set(SparseLayout.FLOAT, at + 12, maxMulti);
        seg.set(SparseLayout.DOUBLE, at + 16, maxMultiNorm);
        seg.set(SparseLayout.DOUBLE, at + 24, maxMultiShare);
    }
}
