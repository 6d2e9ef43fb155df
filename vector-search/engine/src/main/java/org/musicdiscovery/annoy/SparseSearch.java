package org.musicdiscovery.annoy;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * One thread's exact top-k search over a {@link SparseIndex}, reused across queries so the hot loop allocates
 * nothing. Items are visited in ascending id over the query's posting lists, pruned on upper bounds that
 * {@link Similarity} defines. θ is what an item must beat: the k-th best kept score (a tie then loses, since every
 * later item has a larger id), or before that a floor known from the singles. It only rises, and with it:
 * <ul>
 *   <li><b>non-essential</b> lists (MaxScore): the longest set N of query terms, smallest bound first, such that
 *       an item whose query dimensions all lie in N cannot enter. Every item that can still enter is in one of the
 *       other, essential lists, so only those generate candidates (their union, merged by id);</li>
 *   <li><b>required</b> lists: a term without which an item cannot enter. Every item that can still enter is in
 *       all of them, so once there is one, candidates are the intersection of the required lists (leapfrogging
 *       over their filtered postings with galloping seeks), for a genre mix usually far smaller than either;</li>
 *   <li>the <b>posting filter</b>: within a list, a float SIMD pass skips, 16 at a time, postings whose own bound
 *       (query weight × weight + the query's norm elsewhere × the item's residual norm) cannot reach θ, and
 *       singles that cannot beat it (exactly): a list of a very common genre is filtered, not scored.</li>
 * </ul>
 * A candidate is scored exactly by {@link Similarity}'s rule (dimensions ascending); its weights in the other
 * query lists come from the postings at hand or from galloping cursors that only move forward. Every bound
 * over-estimates, with room for rounding, so pruning never drops an item of the top k; ties (many items share one
 * vector) are decided by id in {@link TopK} as a brute-force scan decides them. When fewer than k items share a
 * dimension with the query (nothing was ever pruned then), the k are filled with score-0 items in id order. A query
 * of two terms under cosine first tries {@link PairShortcut}, which often answers it from the pair's own list. Short
 * lists, and lists whose walk scores too many items, are scanned whole instead ({@link ListScan}).
 */
final class SparseSearch {
    private final SparseIndex ix;
    private final long wOff;
    private final long rOff;
    private final TopK top = new TopK();
    private final SparseQuery q = new SparseQuery();
    private final PairShortcut pairs;
    private final double[] acc = new double[5];
    // per term of the query
    private long[] end = new long[8];
    private long[] next = new long[8];        // the list's next posting that passes the filter, −1 when none
    private long[] cursor = new long[8];      // look-up position, only moves forward
    private boolean[] essential = new boolean[8];
    private boolean[] required = new boolean[8];
    private float[] need = new float[8];       // the posting filter at the current θ: multis' threshold ...
    private float[] cut = new float[8];        // ... and singles' smallest passing weight
    private int[] byBound = new int[8];       // terms by the bound of their own items, non-essential ones first
    private double[] ownBound = new double[8];
    private int nonEssential;
    private int nRequired;
    private long settled;                     // the terms whose singles takeSingles settled (a bit each)
    private int preMax;                       // the largest id it put in the top k, or −1
    private int via;                          // the list whose posting produced the current candidate
    private int last;                         // the last item visited: the next must be larger
    // this query's settings
    private Similarity sim;
    private IntPredicate accept;
    private boolean prune;
    private double theta;                     // prune what cannot beat θ (strict) or reach it (a floor)
    private boolean strict;
    private int evaluated;
    private boolean fromPairs;                // whether the last query was answered from a pair's list
    private boolean scanned;                  // whether it scanned its lists whole
    private double[] keys = new double[16];
    private int[] kept = new int[16];
    private final ListScan scan;

    SparseSearch(SparseIndex ix) {
        this.ix = ix;
        this.wOff = ix.layout.weights();
        this.rOff = ix.layout.resid();
        this.pairs = new PairShortcut(ix);
        this.scan = new ListScan(ix);
    }

    int evaluated() {
        return evaluated;
    }

    boolean answeredFromPairs() {
        return fromPairs;
    }

    boolean scanned() {
        return scanned;
    }

    /** @param floor a score the k-th best is known to reach (−∞ for none): pruning starts from it */
    int search(float[] query, Similarity similarity, int k, IntPredicate accept, int[] ids, double[] dots,
            double[] cosines, boolean prune, double floor) {
        q.set(query, ix, similarity);
        this.sim = similarity;
        this.accept = accept;
        this.prune = prune;
        this.theta = Double.NEGATIVE_INFINITY;
        this.strict = false;
        this.evaluated = 0;
        this.fromPairs = false;
        this.scanned = false;
        this.last = -1;
        top.reset(Math.max(k, 0));
        if (k <= 0) {
            return 0;
        }
        if (prune && scan.atOnce(q, k)) {
            return accumulate(ids, dots, cosines);
        }
        if (prune && pairs.applies(q, similarity)) {
            double reached = pairs.offer(q, top, accept);
            evaluated += pairs.evaluated();
            if (pairs.settles(q, reached)) {
                fromPairs = true;
                return drain(ids, dots, cosines);
            }
            floor = Math.max(floor, reached); // k items reach it: the lists below start from there
            top.reset(k);
        }
        start(k, floor);
        long budget = prune ? scan.walkLimit(q, evaluated) : Long.MAX_VALUE;
        while (nonEssential < q.m) {
            int item = nRequired > 0 ? nextInAll() : nextInAny();
            if (item < 0) {
                break;
            }
            visit(item, via, next[via]);
            if (evaluated > budget) {
                top.reset(k);
                return accumulate(ids, dots, cosines);
            }
        }
        if (!top.full()) {
            fillWithZeros();
        }
        return drain(ids, dots, cosines);
    }

    /** Tests and benchmarks: see {@link ListScan#rule}. */
    void scanRule(int scanPerK, int walkBudget) {
        scan.rule(scanPerK, walkBudget);
    }

    /** The top k from every item of the query's lists, scored at once (see {@link ListScan}). */
    private int accumulate(int[] ids, double[] dots, double[] cosines) {
        scanned = true;
        evaluated += scan.scan(q, sim, accept, top);
        if (!top.full()) {
            fillWithZeros();
        }
        return drain(ids, dots, cosines);
    }

    private void start(int k, double floor) {
        if (end.length < q.m) {
            int n = Math.max(q.m, 2 * end.length);
            end = new long[n];
            next = new long[n];
            cursor = new long[n];
            essential = new boolean[n];
            required = new boolean[n];
            byBound = new int[n];
            ownBound = new double[n];
            need = new float[n];
            cut = new float[n];
        }
        nonEssential = 0;
        nRequired = 0;
        settled = 0;
        preMax = -1;
        for (int t = 0; t < q.m; t++) {
            essential[t] = true;
            required[t] = false;
            end[t] = ix.start(q.dims[t] + 1);
            cursor[t] = ix.start(q.dims[t]);
        }
        if (prune) {
            takeSingles(k, floor);
        }
        if (prune && floor > theta) { // a floor, like the singles': an item that merely reaches it is still scored
            theta = floor;
        }
        for (int t = 0; t < q.m; t++) { // after takeSingles, which may take a list's singles out of the bounds
            SparseQuery.clear(acc);
            q.add(acc, t, ix);
            ownBound[t] = q.bound(acc, sim);
            int j = t - 1; // insertion sort: queries have a handful of terms
            while (j >= 0 && ownBound[byBound[j]] > ownBound[t]) {
                byBound[j + 1] = byBound[j];
                j--;
            }
            byBound[j + 1] = t;
        }
        if (theta > Double.NEGATIVE_INFINITY) {
            updateBounds();
        }
        for (int t = 0; t < q.m; t++) {
            next[t] = candidate(t, cursor[t]);
        }
    }

    /**
     * A head start: if the query lists whose singles score best (several when weights are equal) hold k singles at
     * that score, counting only those the filter accepts, their first k by id are the top k before anything is
     * scored, and θ is their score: a floor, since an item that merely reaches it is still scored (ties are decided
     * by id in {@link TopK}). Those lists' other singles are then out of the race, as they score no more and come
     * later by id, so they leave the bounds and the filter. An item lacking the other query dimensions then usually
     * cannot enter, which makes those dimensions required from the start. Not taken below a given floor.
     */
    private void takeSingles(int k, double floor) {
        long tried = 0; // terms whose singles fell short under the filter (queries have a handful of terms)
        int m = Math.min(q.m, 64);
        while (true) {
            double best = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < m; t++) {
                if ((tried & 1L << t) == 0 && atBestSingle(t) > 0 && q.single[t] >= floor) {
                    best = Math.max(best, q.single[t]);
                }
            }
            if (best == Double.NEGATIVE_INFINITY) {
                return;
            }
            long tied = 0;
            long atBest = 0;
            for (int t = 0; t < m; t++) {
                if ((tried & 1L << t) == 0 && atBestSingle(t) > 0 && q.single[t] == best) {
                    tied |= 1L << t;
                    atBest += atBestSingle(t);
                }
            }
            int found = 0;
            for (int t = 0; t < m && atBest >= k; t++) { // too few even unfiltered: nothing to scan for
                if ((tied & 1L << t) != 0) {
                    found = firstSingles(t, k, found);
                }
            }
            if (found >= k) {
                Arrays.sort(kept, 0, found); // each single is in one list only: no id twice
                for (int i = 0; i < k; i++) {
                    top.offer(-best, kept[i]);
                }
                theta = best;
                preMax = kept[k - 1];
                settled = tied;
                for (int t = 0; t < m; t++) {
                    if ((tied & 1L << t) != 0) {
                        q.dropSingles(t, ix);
                    }
                }
                return;
            }
            tried |= tied; // fewer than k pass the filter: try the lists whose singles score next best
        }
    }

    /** How many singles of list t reach its best single score (all of them, for cosine), filter aside. */
    private int atBestSingle(int t) {
        return sim == Similarity.COSINE ? ix.singles(q.dims[t]) : ix.atMaxSingle(q.dims[t]);
    }

    /**
     * Appends to {@code kept} from {@code at} on the first k singles of list t at its best single score that the
     * filter accepts; returns the new length.
     */
    private int firstSingles(int t, int k, int at) {
        if (kept.length < at + k) {
            kept = Arrays.copyOf(kept, Math.max(at + k, 2 * kept.length));
        }
        boolean anyWeight = sim == Similarity.COSINE; // every single of a list has the same cosine
        float best = ix.maxSingle(q.dims[t]);
        int found = 0;
        for (long p = ix.start(q.dims[t]); p < end[t] && found < k; p++) {
            if (ix.resid(p) == 0 && (anyWeight || ix.weight(p) == best)
                    && (accept == null || accept.test(ix.doc(p)))) {
                kept[at + found++] = ix.doc(p);
            }
        }
        return at + found;
    }

    /** Whether something that can score at most {@code bound} can no longer enter the top k. */
    private boolean ruledOut(double bound) {
        return strict ? bound <= theta : bound < theta;
    }

    /** After θ rose: more non-essential terms (a longer prefix in bound order), more required ones. */
    private void updateBounds() {
        SparseQuery.clear(acc);
        for (int i = 0; i < nonEssential; i++) {
            q.add(acc, byBound[i], ix);
        }
        while (nonEssential < q.m) {
            int t = byBound[nonEssential];
            q.add(acc, t, ix);
            if (!ruledOut(q.bound(acc, sim))) {
                break;
            }
            essential[t] = false;
            nonEssential++;
        }
        for (int t = 0; t < q.m; t++) {
            if (!required[t] && ruledOut(q.boundWithout(t, sim))) {
                required[t] = true;
                nRequired++;
            }
            need[t] = sim.need(theta, q.norm);
            boolean out = (settled & 1L << t) != 0; // its singles are settled: none passes
            cut[t] = out ? Float.POSITIVE_INFINITY : sim.singleCut(q.weights[t], theta, strict, q.norm);
        }
    }

    /** The first posting of list t from {@code from} on that may still enter the top k, or −1. */
    private long candidate(int t, long from) {
        if (from >= end[t]) {
            return -1;
        }
        if (!prune || theta == Double.NEGATIVE_INFINITY) {
            return from;
        }
        return sim.firstReaching(ix.seg, wOff, rOff, from, end[t], q.weights[t], q.rest[t], need[t], cut[t]);
    }

    /** The smallest next item over the essential lists (their union), or −1. Essential lists never lag. */
    private int nextInAny() {
        via = -1;
        int item = Integer.MAX_VALUE;
        for (int t = 0; t < q.m; t++) {
            if (essential[t] && next[t] >= 0 && ix.doc(next[t]) < item) {
                via = t;
                item = ix.doc(next[t]);
            }
        }
        return via < 0 ? -1 : item;
    }

    /** The next item that every required list holds and passes the filter in, or −1: a leapfrog intersection. */
    private int nextInAll() {
        int target = last + 1;
        boolean agreed = false;
        while (!agreed) {
            agreed = true;
            for (int t = 0; t < q.m; t++) {
                if (!required[t]) {
                    continue;
                }
                if (next[t] >= 0 && ix.doc(next[t]) < target) {
                    next[t] = candidate(t, ix.seek(next[t], end[t], target));
                }
                if (next[t] < 0) {
                    return -1;
                }
                if (ix.doc(next[t]) > target) {
                    target = ix.doc(next[t]);
                    agreed = false;
                }
                via = t;
            }
        }
        return target;
    }

    /** Scores the item found at posting p of list t, then moves every list standing on it past it. */
    private void visit(int item, int t, long p) {
        score(item, t, p);
        last = item;
        for (int s = 0; s < q.m; s++) {
            if (next[s] >= 0 && ix.doc(next[s]) == item) {
                next[s] = candidate(s, next[s] + 1);
            }
        }
    }

    /** Scores an item exactly, unless its double-precision bound from posting p of list t already rules it out. */
    private void score(int item, int t, long p) {
        if (accept != null && !accept.test(item)) {
            return;
        }
        float w = ix.weight(p);
        float r = ix.resid(p);
        double xNorm = ix.norm(item);
        double dot;
        if (r == 0) { // the item's only dimension: nothing to look up
            dot = (double) q.weights[t] * w;
        } else {
            if (prune && ruledOut(sim.score((double) q.weights[t] * w + (double) q.rest[t] * r, q.norm, xNorm)
                    * (1 + SparseQuery.ROOM))) {
                return;
            }
            dot = 0;
            for (int s = 0; s < q.m; s++) {
                float ws = s == t ? w : next[s] >= 0 && ix.doc(next[s]) == item ? ix.weight(next[s]) : lookUp(s, item);
                if (ws != 0) {
                    dot += (double) q.weights[s] * ws;
                }
            }
        }
        evaluated++;
        if (top.offer(-sim.score(dot, q.norm, xNorm), item) && top.full() && -top.worstKey() >= theta) {
            theta = -top.worstKey(); // a kept score: later items (larger ids) must beat it, a tie loses ...
            strict = item > preMax; // ... once past the singles taken before the scan
            if (prune) {
                updateBounds();
            }
        }
    }

    /** The item's weight in term s's list, galloping forward from the cursor (items arrive in ascending id). */
    private float lookUp(int s, int item) {
        long p = ix.seek(cursor[s], end[s], item);
        cursor[s] = p;
        return p < end[s] && ix.doc(p) == item ? ix.weight(p) : 0f;
    }

    /** Nothing was pruned (the top never filled): add score-0 items, ascending id, skipping those already kept. */
    private void fillWithZeros() {
        int n = top.size();
        if (kept.length < n) {
            kept = new int[Math.max(n, 2 * kept.length)];
        }
        for (int i = 0; i < n; i++) {
            kept[i] = top.id(i);
        }
        Arrays.sort(kept, 0, n);
        for (int item = 0; item < ix.nItems() && !top.full(); item++) {
            if (Arrays.binarySearch(kept, 0, n, item) < 0 && (accept == null || accept.test(item))) {
                top.offer(0, item);
            }
        }
    }

    /** The kept items best first, with their exact dot product and cosine (recomputed the same way). */
    private int drain(int[] ids, double[] dots, double[] cosines) {
        if (keys.length < top.size()) {
            keys = new double[top.size()];
        }
        int n = top.drainSorted(ids, keys);
        for (int i = 0; i < n; i++) {
            double dot = ix.dot(ids[i], q.dims, q.weights, q.m); // the item's terms: no seek from a list's start
            if (dots != null) {
                dots[i] = dot;
            }
            if (cosines != null) {
                cosines[i] = Similarity.COSINE.score(dot, q.norm, ix.norm(ids[i]));
            }
        }
        return n;
    }
}
