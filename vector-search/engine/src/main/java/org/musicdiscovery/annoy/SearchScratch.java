package org.musicdiscovery.annoy;

import java.util.Arrays;

/**
 * One thread's reusable search state, so a query allocates nothing in its hot loop: the shared priority queue over
 * all trees (max-heap on (priority, node) like std::priority_queue of pairs: ties pop the larger node first),
 * visited stamps that de-duplicate candidates as they arrive (C++ sorts the duplicate-laden list instead), and the
 * bounded {@link TopK} keeping the k best (distance, id).
 */
final class SearchScratch {
    // candidate queue
    float[] pri = new float[256];
    int[] node = new int[256];
    int size;
    // de-duplication
    final int[] stamps;
    int stamp;
    int[] unique = new int[1024];
    int nUnique;
    // the k best (distance, id), Annoy's tie rule
    final TopK top = new TopK();
    final PairScorer scorer = new PairScorer();
    final SparseProbe probe = new SparseProbe();
    /** A sparse query's dimensions of each candidate, and each one's stored norm, read before scoring. */
    float[] rows = new float[1024];
    float[] stored = new float[1024];
    private double[] drained = new double[16];

    SearchScratch(int nItems) {
        stamps = new int[nItems];
    }

    void reset(int k) {
        size = 0;
        nUnique = 0;
        top.reset(k);
        if (++stamp == 0) { // wrapped: forget every old stamp
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    /** Records a candidate item once. */
    void visit(int item) {
        if (stamps[item] != stamp) {
            stamps[item] = stamp;
            if (nUnique == unique.length) {
                unique = Arrays.copyOf(unique, nUnique * 2);
            }
            unique[nUnique++] = item;
        }
    }

    // ---- queue: max-heap on (pri, node)

    private boolean above(int a, int b) {
        return pri[a] > pri[b] || pri[a] == pri[b] && node[a] > node[b];
    }

    void push(float p, int n) {
        if (size == pri.length) {
            pri = Arrays.copyOf(pri, size * 2);
            node = Arrays.copyOf(node, size * 2);
        }
        int i = size++;
        pri[i] = p;
        node[i] = n;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!above(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    float topPriority() {
        return pri[0];
    }

    int pop() {
        int top = node[0];
        size--;
        if (size > 0) {
            pri[0] = pri[size];
            node[0] = node[size];
            int i = 0;
            while (true) {
                int l = 2 * i + 1, r = l + 1, best = i;
                if (l < size && above(l, best)) {
                    best = l;
                }
                if (r < size && above(r, best)) {
                    best = r;
                }
                if (best == i) {
                    break;
                }
                swap(i, best);
                i = best;
            }
        }
        return top;
    }

    private void swap(int a, int b) {
        float p = pri[a];
        pri[a] = pri[b];
        pri[b] = p;
        int n = node[a];
        node[a] = node[b];
        node[b] = n;
    }

    /**
     * Ends the re-scoring and empties the top k into the arrays, best first, the distances (if asked) as Annoy
     * returns them for {@code metric}; returns the count.
     */
    int finish(Metric metric, int[] ids, float[] dists) {
        scorer.finish();
        if (drained.length < ids.length) {
            drained = new double[ids.length];
        }
        int n = top.drainSorted(ids, drained);
        if (dists != null) {
            for (int i = 0; i < n; i++) {
                dists[i] = metric.returned((float) drained[i]);
            }
        }
        return n;
    }
}
