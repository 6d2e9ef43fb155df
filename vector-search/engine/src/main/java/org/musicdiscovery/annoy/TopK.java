package org.musicdiscovery.annoy;

/**
 * The k best (key, id) pairs offered so far, best = smallest key, ties to the smaller id: the engine's one tie rule,
 * shared by the trees (key = Annoy's raw distance), the exact scan and the sparse index (key = −score). A bounded
 * max-heap with the worst pair on top, reused across queries, so offering allocates nothing. Public for the
 * collections, which rank tree candidates by their own scores under the same rule.
 */
public final class TopK {
    private double[] key = new double[16];
    private int[] id = new int[16];
    private int size;
    private int k;

    public void reset(int k) {
        this.k = k;
        size = 0;
        if (key.length < k) {
            key = new double[k];
            id = new int[k];
        }
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == k;
    }

    /** The worst kept key; only meaningful when {@link #full()}. */
    double worstKey() {
        return key[0];
    }

    int worstId() {
        return id[0];
    }

    int id(int i) {
        return id[i];
    }

    private static boolean worse(double k1, int i1, double k2, int i2) {
        return k1 > k2 || k1 == k2 && i1 > i2;
    }

    /** Keeps the pair if it is among the k best; returns whether the kept set changed. */
    public boolean offer(double d, int item) {
        if (size < k) {
            int i = size++;
            key[i] = d;
            id[i] = item;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(key[i], id[i], key[parent], id[parent])) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
            return true;
        }
        if (k == 0 || !worse(key[0], id[0], d, item)) {
            return false;
        }
        key[0] = d;
        id[0] = item;
        siftDown();
        return true;
    }

    private void siftDown() {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && worse(key[l], id[l], key[w], id[w])) {
                w = l;
            }
            if (r < size && worse(key[r], id[r], key[w], id[w])) {
                w = r;
            }
            if (w == i) {
                return;
            }
            swap(i, w);
            i = w;
        }
    }

    private void swap(int a, int b) {
        double d = key[a];
        key[a] = key[b];
        key[b] = d;
        int n = id[a];
        id[a] = id[b];
        id[b] = n;
    }

    /** Empties the heap into the arrays (keys may be null), best first; returns the count. */
    public int drainSorted(int[] ids, double[] keys) {
        int n = size;
        for (int i = n - 1; i >= 0; i--) {
            ids[i] = id[0];
            if (keys != null) {
                keys[i] = key[0];
            }
            key[0] = key[size - 1];
            id[0] = id[size - 1];
            size--;
            siftDown();
        }
        return n;
    }
}
