package org.musicdiscovery.annoy;

import java.util.function.IntPredicate;

/**
 * {@link SparseSearch}'s shortcut for a query of two terms under cosine: the top k of the items holding both, from
 * their pair's list (see {@link PairLists}), and of each term's singles, with their exact scores. It is the answer
 * when no multi holding one term alone can reach the k-th score: every single of a list scores the same, so the
 * singles not offered lose to those offered on id, and items holding neither term score 0. Otherwise the k-th
 * score is a floor the posting-list search starts from. One per {@link SparseSearch}, reused across queries.
 */
final class PairShortcut {
    private static final Similarity SIM = Similarity.COSINE;
    private final SparseIndex ix;
    private final long[] at = new long[2];     // offerSingles' cursors over the two lists
    private final long[] end = new long[2];
    private int evaluated;

    PairShortcut(SparseIndex ix) {
        this.ix = ix;
    }

    /** Whether the shortcut applies: two terms, cosine, and an index with pair lists. */
    boolean applies(SparseQuery q, Similarity sim) {
        return q.m == 2 && ix.pairs != null && sim == SIM;
    }

    /** Items scored by the last {@link #offer}. */
    int evaluated() {
        return evaluated;
    }

    /**
     * Offers to {@code top} both terms' singles and the pair list's items that can enter; returns the k-th score,
     * which k items reach, or −∞ when there are fewer.
     */
    double offer(SparseQuery q, TopK top, IntPredicate accept) {
        evaluated = 0;
        offerSingles(q, top, accept);
        PairLists pairs = ix.pairs;
        int a = q.dims[0], b = q.dims[1];
        float qa = q.weights[0], qb = q.weights[1];
        double room = (1 + SparseQuery.ROOM) * (1 + SparseQuery.ROOM);
        double cut = cutOf(q, top); // (k-th score · |q|)², 0 until the top k is full
        for (long p = pairs.start(a, b), end = pairs.end(a, b); p < end; p++) {
            float wa = pairs.first(p), wb = pairs.second(p);
            // Similarity's sum, dimensions ascending: the same bits as scoring the item from the posting lists
            double dot = (double) qa * wa + (double) qb * wb;
            // its score is dot/|x|/|q|, so with |x|² from below: below the k-th score (compared squared, with room
            // for rounding), the item cannot enter, and its exact norm is not worth reading
            if (dot * dot * room < cut * pairs.squaredNormBelow(p)) {
                continue;
            }
            int item = pairs.item(p);
            if ((accept == null || accept.test(item)) && top.offer(-SIM.score(dot, q.norm, ix.norm(item)), item)) {
                cut = cutOf(q, top);
            }
            evaluated++;
        }
        return top.full() ? -top.worstKey() : Double.NEGATIVE_INFINITY;
    }

    /** Whether {@code reached} is the answer: no item holding one term and other dimensions can reach it. */
    boolean settles(SparseQuery q, double reached) {
        return reached > oneTermMultiBound(q, 0) && reached > oneTermMultiBound(q, 1);
    }

    private static double cutOf(SparseQuery q, TopK top) {
        double kth = top.full() ? -top.worstKey() * q.norm : 0;
        return kth * kth;
    }

    /**
     * Offers both terms' singles that can enter, in ascending id over the two lists. A list stops at its first single
     * the top k turns away: every later one scores the same (under cosine a single scores q_t/|q|) with a larger id.
     */
    private void offerSingles(SparseQuery q, TopK top, IntPredicate accept) {
        for (int t = 0; t < 2; t++) {
            end[t] = ix.start(q.dims[t] + 1);
            at[t] = nextSingle(ix.start(q.dims[t]), end[t], accept);
        }
        while (at[0] < end[0] || at[1] < end[1]) {
            int t = at[1] >= end[1] || at[0] < end[0] && ix.doc(at[0]) < ix.doc(at[1]) ? 0 : 1;
            long p = at[t];
            evaluated++;
            boolean kept = top.offer(-SIM.score((double) q.weights[t] * ix.weight(p), q.norm, ix.norm(ix.doc(p))),
                    ix.doc(p));
            at[t] = kept ? nextSingle(p + 1, end[t], accept) : end[t];
        }
    }

    /** The first single from posting p on that the filter accepts, or {@code end}. */
    private long nextSingle(long p, long end, IntPredicate accept) {
        while (p < end && (ix.resid(p) != 0 || accept != null && !accept.test(ix.doc(p)))) {
            p++;
        }
        return p;
    }

    /**
     * The most an item with other dimensions, holding query term t but not the other, can score: q_t/|q| times the
     * largest share w/|x| of the list's multis, with room for rounding.
     */
    private double oneTermMultiBound(SparseQuery q, int t) {
        return q.weights[t] / q.norm * ix.maxMultiShare(q.dims[t]) * (1 + SparseQuery.ROOM);
    }
}
