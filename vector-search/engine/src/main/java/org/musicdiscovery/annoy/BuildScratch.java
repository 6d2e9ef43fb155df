package org.musicdiscovery.annoy;

import java.util.ArrayList;
import java.util.List;

/**
 * One build thread's working memory, reused by every tree it builds: the two sides of a split and, per nesting
 * level, the contiguous copy of a subtree's items ({@link TreeBuilder#gathered}). Fresh off-heap memory is zeroed
 * and faulted in page by page; allocated per tree, the copies took 14 % of a 1M-item build's CPU time.
 */
final class BuildScratch implements AutoCloseable {
    /** Scratch for the two sides of a split. */
    int[] left = new int[0];
    int[] right = new int[0];
    private final List<Gather> gathers = new ArrayList<>();

    /** Makes the split scratch hold {@code n} items. */
    void sides(int n) {
        if (left.length < n) {
            left = new int[n];
            right = new int[n];
        }
    }

    /** The copy for nesting level {@code depth}, with room for {@code n} items; its old contents are not kept. */
    Gather gather(int depth, int nodeSize, boolean norms, int n) {
        if (gathers.size() == depth) {
            gathers.add(new Gather(nodeSize, norms, n));
        }
        return gathers.get(depth).ensure(n);
    }

    @Override
    public void close() {
        gathers.forEach(g -> g.store.close());
        gathers.clear();
    }

    /** One nesting level's copy: item nodes, their inverse norms (cosine metrics) and their item ids. */
    static final class Gather {
        NodeStore store;
        float[] norms;
        int[] ids;

        private Gather(int nodeSize, boolean norms, int n) {
            allocate(nodeSize, norms, n);
        }

        private void allocate(int nodeSize, boolean withNorms, int n) {
            store = new NodeStore(nodeSize, n);
            norms = withNorms ? new float[n] : null;
            ids = new int[n];
        }

        private Gather ensure(int n) {
            if (ids.length < n) { // a fresh, larger block: the next subtree overwrites what it needs
                store.close();
                allocate(store.nodeSize, norms != null, Math.max(n, ids.length + ids.length / 4));
            }
            return this;
        }
    }
}
