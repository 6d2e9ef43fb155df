package org.musicdiscovery.annoy;

import java.lang.foreign.MemorySegment;

/**
 * Builds one tree exactly as annoylib's {@code _make_tree}: buckets of at most K items, otherwise a two-means split
 * with up to three tries for balance, then random sides if no plane splits the items, the smaller side built first,
 * and each parent allocated after its children (post-order). Nodes go to a store of their own, numbered from
 * {@code nItems} (item ids stay below it), and are relocated when the trees are laid out in the file.
 */
final class TreeBuilder {
    /** By default, subtrees whose items take at most this many bytes are built from a copy ({@link #gathered}). */
    static final long GATHER_BYTES = 64L << 20;
    /**
     * A copy is taken again once a subtree holds at most 1/this of the items it is built from (300k items of 64
     * dimensions, dot: partitioning 4.0 s with 16, 2.9 s with 4, 2.6 s with 2 but the copies 0.3 s more).
     */
    static final int GATHER_RATIO = 4;

    private final Metric metric;
    /** The items as splits read them: the builder's store, or a gathered copy of the current subtree's items. */
    private NodeStore items;
    /** View id → item id while {@link #items} is a gathered copy, else null. */
    private int[] toItem;
    private int viewSize;
    private BuildScratch scratch;
    private int depth;
    private final long gatherBytes;
    private final int f;
    private final int nItems;
    private final int k;
    private final Kiss64Random random;
    private final TwoMeans twoMeans;
    private float[] inverseNorms;
    final NodeStore nodes;
    int count;

    /**
     * {@code inverseNorms}: each item's {@link Simd#inverseNorm} of its {@link Metric#squaredNorm}, shared read-only
     * by the trees (null for raw points); {@code gatherBytes}: the largest subtree built from a copy of its items;
     * {@code skipEqualSeeds}: see {@link TwoMeans#sameSeeds}.
     */
    TreeBuilder(Metric metric, NodeStore items, float[] inverseNorms, long gatherBytes, boolean skipEqualSeeds,
            int f, int nItems, Kiss64Random random) {
        this.metric = metric;
        this.inverseNorms = inverseNorms;
        this.items = items;
        this.f = f;
        this.nItems = nItems;
        this.k = metric.leafCapacity(f);
        this.random = random;
        this.twoMeans = new TwoMeans(metric, f, random, skipEqualSeeds);
        this.viewSize = nItems;
        this.gatherBytes = items.hasSparse() ? 0 : gatherBytes; // sparse records are read, not the nodes
        this.nodes = new NodeStore(metric.nodeSize(f), Math.max(16, 4 * nItems / Math.max(1, k)));
    }

    /** Returns the root: a local node number (≥ nItems); {@code scratch}: the building thread's. */
    int build(int[] indices, BuildScratch scratch) {
        this.scratch = scratch;
        scratch.sides(indices.length);
        return make(indices, 0, indices.length, true);
    }

    /** Two-means runs of this tree that started from two equal seeds (skipped steps). */
    int equalSeedRuns() {
        return twoMeans.equalSeeds;
    }

    private int item(int view) {
        return toItem == null ? view : toItem[view];
    }

    /** Builds the subtree of idx[from..from+n); children are built over the two sides written back in place. */
    private int make(int[] idx, int from, int n, boolean isRoot) {
        if (n == 1 && !isRoot) {
            return item(idx[from]);
        }
        if (n <= k && (!isRoot || nItems <= k || n == 1)) {
            int node = allocate();
            nodes.setNd(node, isRoot ? nItems : n);
            for (int i = 0; i < n; i++) {
                nodes.setInt(node, metric.childrenOffset() + 4 * i, item(idx[from + i]));
            }
            return nItems + node;
        }
        if ((long) n * items.nodeSize <= gatherBytes && (long) n * GATHER_RATIO <= viewSize) {
            return gathered(idx, from, n, isRoot);
        }
        Plane m = new Plane(f);
        // the sides go to the build thread's two scratch arrays and back into idx only once chosen: every attempt
        // splits the items in their original order (as annoylib's fresh vectors per attempt do), and nothing is
        // allocated per split (at the top of a 1M-item tree, two arrays of n ints per split were humongous objects)
        int[] counts = new int[2];
        int[] left = scratch.left;
        int[] right = scratch.right;
        for (int attempt = 0; attempt < 3; attempt++) {
            boolean zeroPlane = twoMeans.split(items, inverseNorms, idx, from, n, m);
            partition(m, zeroPlane, idx, from, n, left, right, counts);
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

    /**
     * Sides of idx[from..from+n) by the sign of their margins (ties at random), in order, into left and right.
     * A method of its own so that C2 compiles this loop by itself, the metric's kernel inlined: inside
     * {@link #make}, after two-means was inlined there, C2's node-count cutoff left the kernel a call per margin.
     * Against an all-zero plane ({@code zeroPlane}) every margin is ±0, so none is measured: items are finite
     * ({@link AnnoyBuilder#addItem}), and dot's extra dimension is finite for all items or for none (then the
     * plane's is not 0).
     */
    private void partition(Plane m, boolean zeroPlane, int[] idx, int from, int n, int[] left, int[] right,
            int[] counts) {
        int c0 = 0, c1 = 0;
        for (int i = from; i < from + n; i++) {
            int id = idx[i];
            float margin = zeroPlane ? 0f : metric.buildMargin(m, items, id, f);
            int side = margin > 0 ? 1 : 0;
            if (margin == 0) { // rare, so predictable
                side = random.flip();
            }
            // no branch on the side, a coin toss for the predictor: write both, advance one
            left[c0] = id;
            right[c1] = id;
            c0 += 1 - side;
            c1 += side;
        }
        counts[0] = c0;
        counts[1] = c1;
    }

    /**
     * Builds the subtree from a contiguous copy of its items. Deep in a large tree a split's items lie scattered
     * over the whole store, a cache (and TLB) miss each, and every level below reads them again; one gathering pass
     * makes the rest of the subtree read a block that fits the caches. The copies hold the same floats, so the
     * tree is the same to the bit. idx[from..from+n) is left holding view ids.
     */
    private int gathered(int[] idx, int from, int n, boolean isRoot) {
        BuildScratch.Gather g = scratch.gather(depth, items.nodeSize, inverseNorms != null, n);
        for (int l = 0; l < n; l++) {
            int id = idx[from + l];
            MemorySegment.copy(items.segment(), items.offset(id), g.store.segment(), g.store.offset(l), items.nodeSize);
            if (inverseNorms != null) {
                g.norms[l] = inverseNorms[id];
            }
            g.ids[l] = item(id);
            idx[from + l] = l;
        }
        NodeStore outerItems = items;
        float[] outerNorms = inverseNorms;
        int[] outerIds = toItem;
        int outerSize = viewSize;
        items = g.store;
        inverseNorms = g.norms;
        toItem = g.ids;
        viewSize = n;
        depth++;
        try {
            return make(idx, from, n, isRoot);
        } finally {
            depth--;
            items = outerItems;
            inverseNorms = outerNorms;
            toItem = outerIds;
            viewSize = outerSize;
        }
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
