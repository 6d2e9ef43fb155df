package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/**
 * Re-scores the items of one query into its {@link TopK}, two at a time ({@link Metric#rawDistances}): candidates
 * lie scattered over the file, and two independent streams keep twice the cache misses in flight. The same distances
 * as one at a time, to the bit; the tie rule is TopK's, so the pairing does not change any answer.
 */
final class PairScorer {
    private final float[] pair = new float[2];
    private Metric metric;
    private float[] q;
    private float qq;
    private MemorySegment seg;
    private int f;
    private TopK top;
    private int pendingId = -1;
    private long pendingOff;

    void begin(Metric metric, float[] q, float qq, MemorySegment seg, int f, TopK top) {
        this.metric = metric;
        this.q = q;
        this.qq = qq;
        this.seg = seg;
        this.f = f;
        this.top = top;
        pendingId = -1;
    }

    /** Item {@code id}, whose node starts at byte {@code off}. */
    void add(int id, long off) {
        if (pendingId < 0) {
            pendingId = id;
            pendingOff = off;
            return;
        }
        metric.rawDistances(q, qq, seg, pendingOff, off, f, pair);
        top.offer(pair[0], pendingId);
        top.offer(pair[1], id);
        pendingId = -1;
    }

    /** Scores the odd one left, if any. */
    void finish() {
        if (pendingId >= 0) {
            top.offer(metric.rawDistance(q, qq, seg, pendingOff, f), pendingId);
            pendingId = -1;
        }
        q = null; // the query array is the caller's
    }
}
