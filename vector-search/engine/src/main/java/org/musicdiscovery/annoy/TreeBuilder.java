package org.musicdiscovery.annoy;

/**
 * Builds one tree exactly as annoylib's {@code _make_tree}: buckets of at most K items, otherwise a two-means split
 * with up to three tries for balance, then random sides if no plane splits the items, the smaller side built first,
 * and each parent allocated after its children (post-order). Nodes go to a store of their own, numbered from
 * {@code nItems} (item ids stay below it), and are relocated when the trees are laid out in the file.
 */
final class TreeBuilder {
    private final Metric metric;
    private final NodeStore items;
    private final int f;
    private final int nItems;
    private final int k;
    private final Kiss64Random random;
    private final float[] squaredNorms;
    final NodeStore nodes;
    int count;
    /** Scratch for the two sides of a split, reused by every split of the tree. */
    private int[] left;
    private int[] right;

    /** {@code squaredNorms}: each item's {@link Metric#squaredNorm}, shared read-only by the trees; null if unused. */
    TreeBuilder(Metric metric, NodeStore items, float[] squaredNorms, int f, int nItems, Kiss64Random random) {
        this.metric = metric;
        this.squaredNorms = squaredNorms;
        this.items = items;
        this.f = f;
        this.nItems = nItems;
        this.k = metric.leafCapacity(f);
        this.random = random;
        this.nodes = new NodeStore(metric.nodeSize(f), Math.max(16, 4 * nItems / Math.max(1, k)));
    }

    /** Returns the root: a local node number (≥ nItems). */
    int build(int[] indices) {
        left = new int[indices.length];
        right = new int[indices.length];
        return make(indices, 0, indices.length, true);
    }

    /** Builds the subtree of idx[from..from+n); children are built over the two sides written back in place. */
    private int make(int[] idx, int from, int n, boolean isRoot) {
        if (n == 1 && !isRoot) {
            return idx[from];
        }
        if (n <= k && (!isRoot || nItems <= k || n == 1)) {
            int node = allocate();
            nodes.setNd(node, isRoot ? nItems : n);
            for (int i = 0; i < n; i++) {
                nodes.setInt(node, metric.childrenOffset() + 4 * i, idx[from + i]);
            }
            return nItems + node;
        }
        Plane m = new Plane(f);
        // the sides go to the tree's two scratch arrays and back into idx only once chosen: every attempt splits
        // the items in their original order (as annoylib's fresh vectors per attempt do), and nothing is allocated
        // per split (at the top of a 1M-item tree, two arrays of n ints per split were humongous objects)
        int[] counts = new int[2];
        for (int attempt = 0; attempt < 3; attempt++) {
            counts[0] = counts[1] = 0;
            createSplit(idx, from, n, m);
            for (int i = from; i < from + n; i++) {
                float margin = metric.buildMargin(m, items, idx[i], f);
                int side = margin != 0 ? (margin > 0 ? 1 : 0) : random.flip();
                (side == 0 ? left : right)[counts[side]++] = idx[i];
            }
            if (imbalance(counts) < 0.95) {
                break;
            }
        }
        // no plane separates them (e.g. identical vectors): random sides; like Annoy, only v is reset
        while (imbalance(counts) > 0.99) {
            counts[0] = counts[1] = 0;
            java.util.Arrays.fill(m.v, 0f);
            for (int i = from; i < from + n; i++) {
                int side = random.flip();
                (side == 0 ? left : right)[counts[side]++] = idx[i];
            }
        }
        System.arraycopy(left, 0, idx, from, counts[0]);
        System.arraycopy(right, 0, idx, from + counts[0], counts[1]);
        int flip = counts[0] > counts[1] ? 1 : 0;
        int[] children = new int[2];
        for (int side = 0; side < 2; side++) {
            int s = side ^ flip;
            children[s] = s == 0 ? make(idx, from, counts[0], false) : make(idx, from + counts[0], counts[1], false);
        }
        int node = allocate();
        nodes.setNd(node, isRoot ? nItems : n);
        metric.writeSplit(nodes, node, m, f);
        nodes.setInt(node, metric.childrenOffset(), children[0]);
        nodes.setInt(node, metric.childrenOffset() + 4, children[1]);
        return nItems + node;
    }

    /** annoylib's {@code two_means} (200 steps, count-weighted centroids) then the metric's plane. */
    private void createSplit(int[] idx, int from, int n, Plane out) {
        Plane p = new Plane(f);
        Plane q = new Plane(f);
        int i = random.index(n);
        int j = random.index(n - 1);
        j += (j >= i) ? 1 : 0;
        metric.seed(p, items, idx[from + i], f);
        metric.seed(q, items, idx[from + j], f);
        int ic = 1, jc = 1;
        for (int step = 0; step < 200; step++) {
            int x = idx[from + random.index(n)];
            float xx = squaredNorms == null ? 0f : squaredNorms[x];
            float di = ic * metric.distance(p, items, x, xx, f);
            float dj = jc * metric.distance(q, items, x, xx, f);
            float norm = metric.cosine() ? (float) Math.sqrt(xx) : 1f;
            if (!(norm > 0)) {
                continue;
            }
            if (di < dj) {
                metric.moveTowards(p, ic++, items, x, norm, f);
            } else if (dj < di) {
                metric.moveTowards(q, jc++, items, x, norm, f);
            }
        }
        metric.split(p, q, out, f);
    }

    private static double imbalance(int[] counts) {
        double ls = counts[0], rs = counts[1];
        double frac = ls / (ls + rs + 1e-9);
        return Math.max(frac, 1 - frac);
    }

    private int allocate() {
        nodes.ensure(count + 1);
        return count++;
    }
}
