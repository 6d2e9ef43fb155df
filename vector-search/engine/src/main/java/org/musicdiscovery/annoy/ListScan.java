package org.musicdiscovery.annoy;

import java.util.function.IntPredicate;

/**
 * One thread's exhaustive pass over a query's posting lists, the other way {@link SparseSearch} answers: each list
 * adds q_t·w to its items' running dot products, the lists in ascending dimension, so each sum is
 * {@link Similarity}'s to the bit; then every item that holds one is offered to the top k in ascending id, as a
 * brute-force scan offers them. It costs the lists' total length (a few ns a posting) whatever the bounds would have
 * pruned. Reused across queries: the sums and the marks go back to zero as they are read.
 */
final class ListScan {
    private final SparseIndex ix;
    private double[] sums = new double[0];   // by item id; allocated on first use (most indexes walk)
    private long[] touched = new long[0];    // a bit per item holding a sum

    ListScan(SparseIndex ix) {
        this.ix = ix;
    }

    /*
     * When to scan instead of walking. The walk costs a seek or more in each other list per item it scores, which
     * pays off when its bounds leave few to score; they leave most when the items hold many genres each (playlists)
     * and the mix is even. Over 300 two-genre mixes of the catalogue's 30 commonest genres, k = 100, engine only
     * (scripts/annoy bench-scan, docs/benchmarks.md), mean µs dot/cosine: playlists' index walk 379/356, scan
     * 159/186, this rule 175/218; all items 140/215, 289/343, 118/175; songs 95/134, 148/181, 89/115; artists 89/88,
     * 41/49, 41/49. The rule's p99 is 0.31–0.61× the walk's on every index.
     */
    static final int SCAN_PER_K = 100;
    static final int WALK_BUDGET = 32;
    private int scanPerK = SCAN_PER_K;
    private int walkBudget = WALK_BUDGET;

    /**
     * Tests and benchmarks: lists of up to {@code scanPerK} postings per item asked for are scanned at once (−1:
     * never); a walk stops and scans once it has scored more than one item per {@code walkBudget} postings (0:
     * never). Stopping wastes what the walk did, so a query costs at most about two scans.
     */
    void rule(int scanPerK, int walkBudget) {
        this.scanPerK = scanPerK;
        this.walkBudget = walkBudget;
    }

    /** Whether the query's lists are short enough for k to scan them rather than walk. */
    boolean atOnce(SparseQuery q, int k) {
        return scanPerK >= 0 && postings(q) <= (long) scanPerK * k;
    }

    /** How many items a walk over q's lists may have scored, {@code scored} of them already, before it scans. */
    long walkLimit(SparseQuery q, int scored) {
        return walkBudget > 0 ? scored + postings(q) / walkBudget : Long.MAX_VALUE;
    }

    private long postings(SparseQuery q) {
        long postings = 0;
        for (int t = 0; t < q.m; t++) {
            postings += ix.listLength(q.dims[t]);
        }
        return postings;
    }

    /** Offers every item of q's lists that {@code accept} takes (null: all); returns how many it scored. */
    int scan(SparseQuery q, Similarity sim, IntPredicate accept, TopK top) {
        if (sums.length < ix.nItems()) {
            sums = new double[ix.nItems()];
            touched = new long[(ix.nItems() + 63) >>> 6];
        }
        for (int t = 0; t < q.m; t++) {
            double a = q.weights[t];
            for (long p = ix.start(q.dims[t]), to = ix.start(q.dims[t] + 1); p < to; p++) {
                int item = ix.doc(p);
                sums[item] += a * ix.weight(p);
                touched[item >>> 6] |= 1L << item;
            }
        }
        int scored = 0;
        for (int word = 0; word < touched.length; word++) {
            for (long bits = touched[word]; bits != 0; bits &= bits - 1) {
                int item = word << 6 | Long.numberOfTrailingZeros(bits);
                double dot = sums[item];
                sums[item] = 0;
                if (accept == null || accept.test(item)) {
                    scored++;
                    top.offer(-sim.score(dot, q.norm, ix.norm(item)), item);
                }
            }
            touched[word] = 0;
        }
        return scored;
    }
}
