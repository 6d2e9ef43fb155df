package org.musicdiscovery.annoy;

import java.util.Arrays;

/**
 * One thread's reusable search state, so a query allocates nothing in its hot loop: the shared priority queue over
 * all trees (max-heap on (priority, node) like std::priority_queue of pairs: ties pop the larger node first),
 * a small hash set that de-duplicates candidates as they arrive (C++ sorts the duplicate-laden list instead), and
 * the bounded {@link TopK} keeping the k best (distance, id).
 */
final class SearchScratch {
    // candidate queue: (priority, node) packed in one long that orders as the pair does
    long[] queue = new long[256];
    int size;
    // de-duplication: open addressing over item + 1 (0 = empty), sized to this query's candidates, not the index —
    // a stamp per item (4 bytes × n_items per thread) was read at random, a cache miss per candidate on large files
    private int[] seen = new int[1024];
    private int seenShift = 32 - 10;
    private boolean seenDirty;
    private final int nItems;
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

    /** {@code nItems}: candidates must be below it (a leaf pointing elsewhere is a corrupt file). */
    SearchScratch(int nItems) {
        this.nItems = nItems;
    }

    void reset(int k) {
        size = 0;
        nUnique = 0;
        top.reset(k);
        if (seenDirty) { // a walk ended without forgetting its candidates (it threw)
            Arrays.fill(seen, 0);
            seenDirty = false;
        }
    }

    /** Records a candidate item once. */
    void visit(int item) {
        if (Integer.compareUnsigned(item, nItems) >= 0) {
            throw new IndexOutOfBoundsException("leaf points at " + item + ", outside the " + nItems + " items");
        }
        seenDirty = true;
        int mask = seen.length - 1;
        for (int h = slot(item); ; h = (h + 1) & mask) {
            int e = seen[h];
            if (e == item + 1) {
                return;
            }
            if (e == 0) {
                seen[h] = item + 1;
                break;
            }
        }
        if (nUnique == unique.length) {
            unique = Arrays.copyOf(unique, nUnique * 2);
        }
        unique[nUnique++] = item;
        if (2 * nUnique > seen.length) {
            seen = new int[2 * seen.length];
            seenShift--;
            rehash(seen.length - 1);
        }
    }

    /** Empties the set in O(candidates): every entry is one of {@link #unique}'s. Call before editing that list. */
    void forgetVisited() {
        int mask = seen.length - 1;
        for (int u = 0; u < nUnique; u++) {
            int item = unique[u];
            int h = slot(item);
            while (seen[h] != item + 1) { // present, so the probe ends; entries already emptied are skipped over
                h = (h + 1) & mask;
            }
            seen[h] = 0;
        }
        seenDirty = false;
    }

    private void rehash(int mask) {
        for (int u = 0; u < nUnique; u++) {
            int h = slot(unique[u]);
            while (seen[h] != 0) {
                h = (h + 1) & mask;
            }
            seen[h] = unique[u] + 1;
        }
    }

    /** Fibonacci hashing (the product's top bits): leaves hold runs of nearby ids, which it spreads apart. */
    private int slot(int item) {
        return item * 0x9E3779B9 >>> seenShift;
    }

    // ---- queue: max-heap on (priority, node), ties to the larger node as std::priority_queue of pairs pops them

    /**
     * The pair as one long whose signed order is the pair's: the float's bits made monotonic, then the node. Both
     * zeros become +0 first: they compare equal as floats (and in C++), so their tie must go to the node.
     */
    private static long key(float p, int n) {
        int bits = Float.floatToRawIntBits(p == 0 ? 0f : p);
        return (long) (bits ^ (bits >> 31 & 0x7fffffff)) << 32 | (n & 0xffffffffL);
    }

    void push(float p, int n) {
        if (size == queue.length) {
            queue = Arrays.copyOf(queue, size * 2);
        }
        long k = key(p, n);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (queue[parent] >= k) {
                break;
            }
            queue[i] = queue[parent];
            i = parent;
        }
        queue[i] = k;
    }

    float topPriority() {
        int bits = (int) (queue[0] >> 32);
        return Float.intBitsToFloat(bits ^ (bits >> 31 & 0x7fffffff));
    }

    int pop() {
        int top = (int) queue[0];
        long last = queue[--size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            if (c + 1 < size && queue[c + 1] > queue[c]) {
                c++;
            }
            if (last >= queue[c]) {
                break;
            }
            queue[i] = queue[c];
            i = c;
        }
        if (size > 0) {
            queue[i] = last;
        }
        return top;
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
