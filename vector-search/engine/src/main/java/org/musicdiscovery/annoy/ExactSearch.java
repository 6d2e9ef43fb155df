package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/**
 * Brute force over every item of an index, with the same distances, tie rule and returned values as the trees:
 * the ground truth for recall, and the better choice for small indices.
 */
public final class ExactSearch {
    private final AnnoyIndex index;
    private final ThreadLocal<SearchScratch> scratch;

    public ExactSearch(AnnoyIndex index) {
        this.index = index;
        this.scratch = ThreadLocal.withInitial(() -> new SearchScratch(0));
    }

    public int search(float[] q, int k, int[] ids, float[] distances) {
        Metric metric = index.metric();
        int f = index.dimension();
        if (q.length != f) {
            throw new IllegalArgumentException("query has " + q.length + " dimensions, index has " + f);
        }
        SearchScratch s = scratch.get();
        s.top.reset(k);
        MemorySegment seg = index.segment();
        float qq = metric instanceof AngularMetric ? Simd.dot(q, q, f) : 0f;
        long nodeSize = index.nodeSize();
        s.scorer.begin(metric, q, qq, seg, f, s.top);
        for (int i = 0; i < index.nItems(); i++) {
            long off = i * nodeSize;
            if (seg.get(NodeStore.INT, off) == 1) {
                s.scorer.add(i, off);
            }
        }
        return s.finish(metric, ids, distances);
    }

    public int[] search(float[] q, int k) {
        int[] ids = new int[k];
        int n = search(q, k, ids, null);
        return n == k ? ids : java.util.Arrays.copyOf(ids, n);
    }
}
