package org.musicdiscovery.annoy;

import java.util.Arrays;

/**
 * One thread's reusable search state, so a query allocates nothing in its hot loop: the shared priority queue over
 * all trees (max-heap on (priority, node) like std::priority_queue of pairs: ties pop the larger node first),
 * visited stamps that de-duplicate candidates as they arrive (C++ sorts the duplicate-laden list instead), and a
 * bounded max-heap keeping the k best (distance, id).
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
    // top k, worst on top
    float[] topDist = new float[16];
    int[] topId = new int[16];
    int topSize;

    SearchScratch(int nItems) {
        stamps = new int[nItems];
    }

    void reset(int k) {
        size = 0;
        nUnique = 0;
        topSize = 0;
        if (++stamp == 0) { // wrapped: forget every old stamp
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        if (topDist.length < k) {
            topDist = new float[k];
            topId = new int[k];
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

    // ---- top k: keep the k smallest (dist, id); worst at index 0

    private boolean worse(float d1, int i1, float d2, int i2) {
        return d1 > d2 || d1 == d2 && i1 > i2;
    }

    void offer(float d, int id, int k) {
        if (topSize < k) {
            int i = topSize++;
            topDist[i] = d;
            topId[i] = id;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(topDist[i], topId[i], topDist[parent], topId[parent])) {
                    break;
                }
                swapTop(i, parent);
                i = parent;
            }
        } else if (worse(topDist[0], topId[0], d, id)) {
            topDist[0] = d;
            topId[0] = id;
            siftDownTop();
        }
    }

    private void siftDownTop() {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < topSize && worse(topDist[l], topId[l], topDist[w], topId[w])) {
                w = l;
            }
            if (r < topSize && worse(topDist[r], topId[r], topDist[w], topId[w])) {
                w = r;
            }
            if (w == i) {
                return;
            }
            swapTop(i, w);
            i = w;
        }
    }

    private void swapTop(int a, int b) {
        float d = topDist[a];
        topDist[a] = topDist[b];
        topDist[b] = d;
        int n = topId[a];
        topId[a] = topId[b];
        topId[b] = n;
    }

    /** Empties the top-k heap into the arrays, best first; returns the count. */
    int drainSorted(int[] ids, float[] dists) {
        int n = topSize;
        for (int i = n - 1; i >= 0; i--) {
            ids[i] = topId[0];
            if (dists != null) {
                dists[i] = topDist[0];
            }
            topDist[0] = topDist[topSize - 1];
            topId[0] = topId[topSize - 1];
            topSize--;
            siftDownTop();
        }
        return n;
    }
}
