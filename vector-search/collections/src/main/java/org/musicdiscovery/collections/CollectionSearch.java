package org.musicdiscovery.collections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.musicdiscovery.annoy.Similarity;

/**
 * Answers a query on a collection by one of two paths with the same result shape and the same scores
 * ({@link Strategy} picks). <b>Trees:</b> with both trees asked, the dot and the angular search run at the same time
 * on the pool (the original design ran them one after the other); the union is then scored exactly under both
 * metrics from the stored vectors, so every candidate carries its dot product, its cosine and the trees that found
 * it. A type filter is applied by over-fetching and post-filtering, as Annoy's maintainers recommend (the trees know
 * nothing of types). <b>Exact:</b> the sparse index gives the exact top k under each asked metric, the type filter
 * applied inside; "foundBy" then names the metrics whose exact top k holds the item.
 *
 * <p>Both paths score with {@link Similarity}'s one rule and rank the union the same way — cosine, then dot, then
 * item number, which is the collection's tie rule (see {@link CollectionBuilder}) — so with enough search_k the trees
 * return exactly what the exact path returns.
 */
public final class CollectionSearch {

    /** One merged candidate. {@code vector} is null unless asked for. */
    public record Hit(int item, char typeCode, long id, double dot, double cosine, Set<String> foundBy,
            float[] vector) {
    }

    /** The hits, timings in ms, and the strategy that answered (TREES or EXACT). */
    public record Result(List<Hit> hits, Map<String, Double> timings, Strategy strategy) {
    }

    /** The question, already validated. {@code exclude} is an index item id to leave out, or -1. */
    public record Query(float[] vector, int k, int searchK, List<String> metrics, Set<Character> types,
            boolean withVectors, int exclude, Strategy strategy) {
    }

    /** Best first: cosine, then dot product, then item number (popularity order: the tie rule). */
    static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::cosine).reversed()
            .thenComparing(Comparator.comparingDouble(Hit::dot).reversed()).thenComparingInt(Hit::item);

    static final int MAX_ROUNDS = 4;

    private CollectionSearch() {
    }

    /**
     * Over-fetch grows ×4 per round (at most {@value #MAX_ROUNDS} rounds, never beyond the collection) while the
     * type filter leaves fewer than k: a rare type can be scarce near a query even when it is common overall.
     */
    public static Result search(LoadedCollection c, Query q, ExecutorService pool) {
        return q.strategy().resolve(c, q.vector()) == Strategy.EXACT ? exact(c, q) : trees(c, q, pool);
    }

    /** The exact top k per asked metric from the sparse index, merged and ranked like the trees' candidates. */
    private static Result exact(LoadedCollection c, Query q) {
        long t0 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        IntPredicate accept = accept(c, q);
        Map<Integer, Hit> found = new LinkedHashMap<>();
        int[] ids = new int[q.k()];
        double[] dots = new double[q.k()], cosines = new double[q.k()];
        for (String metric : q.metrics()) {
            long t = System.nanoTime();
            int n = c.sparse().search(q.vector(), Similarity.of(metric), q.k(), accept, ids, dots, cosines);
            timings.put(metric, (System.nanoTime() - t) / 1e6);
            for (int i = 0; i < n; i++) {
                int item = ids[i];
                double dot = dots[i], cos = cosines[i]; // the same under every metric: one scoring rule
                found.computeIfAbsent(item, x -> new Hit(item, c.items().typeCode(item), c.items().catalogueId(item),
                        dot, cos, new TreeSet<>(), q.withVectors() ? storedVector(c, item) : null)).foundBy().add(metric);
            }
        }
        timings.put("total", (System.nanoTime() - t0) / 1e6);
        return new Result(rank(new ArrayList<>(found.values()), q.k()), timings, Strategy.EXACT);
    }

    /** Types and the excluded seed, as a filter the sparse index applies before scoring (null: all items). */
    private static IntPredicate accept(LoadedCollection c, Query q) {
        if (q.types().isEmpty() && q.exclude() < 0) {
            return null;
        }
        boolean[] wanted = new boolean[128];
        q.types().forEach(t -> wanted[t] = true);
        boolean all = q.types().isEmpty();
        int exclude = q.exclude();
        ItemMap items = c.items();
        return item -> item != exclude && (all || wanted[items.typeCode(item)]);
    }

    private static Result trees(LoadedCollection c, Query q, ExecutorService pool) {
        long t0 = System.nanoTime();
        int fetch = overFetch(c, q);
        Map<String, Double> timings = new LinkedHashMap<>();
        List<Hit> hits;
        int round = 0;
        while (true) {
            Map<Integer, Integer> found = new LinkedHashMap<>(); // item → bit per metric (index in q.metrics())
            if (q.metrics().size() == 1) {
                collect(q.metrics().getFirst(), 1, run(c, q, q.metrics().getFirst(), fetch), found, timings);
            } else {
                // the second forest on the pool, the first on this thread: both at once, one hand-off
                int n = fetch;
                Future<Found> other = pool.submit(() -> run(c, q, q.metrics().get(1), n));
                Found first = run(c, q, q.metrics().getFirst(), n);
                collect(q.metrics().getFirst(), 1, first, found, timings);
                collect(q.metrics().get(1), 2, await(other), found, timings);
            }
            hits = score(c, q, found);
            round++;
            if (hits.size() >= q.k() || q.types().isEmpty() || fetch >= c.manifest().nItems() || round >= MAX_ROUNDS) {
                break;
            }
            fetch = (int) Math.min(c.manifest().nItems(), 4L * fetch);
        }
        timings.put("rounds", (double) round);
        timings.put("total", (System.nanoTime() - t0) / 1e6);
        return new Result(hits, timings, Strategy.TREES);
    }

    private record Found(int[] ids, int n, double millis) {
    }

    private static Found run(LoadedCollection c, Query q, String metric, int fetch) {
        long t = System.nanoTime();
        int[] ids = new int[fetch];
        int n = c.trees().get(metric).search(q.vector(), fetch, q.searchK(), ids);
        return new Found(ids, n, (System.nanoTime() - t) / 1e6);
    }

    private static void collect(String metric, int bit, Found f, Map<Integer, Integer> found,
            Map<String, Double> timings) {
        timings.merge(metric, f.millis(), Double::sum);
        for (int i = 0; i < f.n(); i++) {
            found.merge(f.ids()[i], bit, (a, b) -> a | b);
        }
    }

    /**
     * Exact dot and cosine for every candidate by {@link Similarity}'s rule (so they equal the exact path's to the
     * bit), filter, rank, cut to k. A query of a few genres reads only its own dimensions of each stored vector.
     */
    private static List<Hit> score(LoadedCollection c, Query q, Map<Integer, Integer> found) {
        VectorTrees any = c.trees().values().iterator().next();
        float[] x = new float[c.manifest().dimension()];
        int[] dims = new int[x.length];
        float[] weights = new float[x.length];
        int n = 0;
        for (int d = 0; d < x.length; d++) { // the query's non-zero terms, ascending: the rule's summation order
            if (q.vector()[d] != 0) {
                dims[n] = d;
                weights[n++] = q.vector()[d];
            }
        }
        boolean readTerms = c.sparse() != null && !q.withVectors() && n * 8 <= x.length;
        List<Set<String>> foundBy = foundBySets(q.metrics());
        double qNorm = Similarity.norm(q.vector());
        List<Hit> hits = new ArrayList<>(found.size());
        for (var e : found.entrySet()) {
            int item = e.getKey();
            char type = c.items().typeCode(item);
            if (item == q.exclude() || !q.types().isEmpty() && !q.types().contains(type)) {
                continue;
            }
            double dot;
            if (readTerms) {
                dot = any.sparseDot(item, dims, weights, n);
            } else {
                any.vector(item, x);
                dot = Similarity.dot(dims, weights, n, x);
            }
            // readTerms implies a sparse index; without one, x holds the stored vector
            double xNorm = c.sparse() != null ? c.sparse().norm(item) : Similarity.norm(x); // the same number
            hits.add(new Hit(item, type, c.items().catalogueId(item), dot, Similarity.COSINE.score(dot, qNorm, xNorm),
                    foundBy.get(e.getValue()), q.withVectors() ? x.clone() : null));
        }
        return rank(hits, q.k());
    }

    /** The foundBy set of each mask of asked metrics (bit i = metrics[i]), sorted by name; shared by the hits. */
    private static List<Set<String>> foundBySets(List<String> metrics) {
        List<Set<String>> sets = new ArrayList<>(1 << metrics.size());
        for (int mask = 0; mask < 1 << metrics.size(); mask++) {
            var names = new TreeSet<String>();
            for (int i = 0; i < metrics.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    names.add(metrics.get(i));
                }
            }
            sets.add(java.util.Collections.unmodifiableSortedSet(names));
        }
        return sets;
    }

    private static List<Hit> rank(List<Hit> hits, int k) {
        hits.sort(BEST_FIRST);
        return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    }

    private static float[] storedVector(LoadedCollection c, int item) {
        float[] x = new float[c.manifest().dimension()];
        c.trees().values().iterator().next().vector(item, x);
        return x;
    }

    /** Enough raw candidates that k survive the type filter (1.5× the inverse share of the wanted types). */
    static int overFetch(LoadedCollection c, Query q) {
        int n = c.manifest().nItems();
        if (q.types().isEmpty()) {
            return Math.min(n, q.k());
        }
        int wanted = 0;
        for (char t : q.types()) {
            wanted += c.count(t);
        }
        if (wanted == 0) {
            return Math.min(n, q.k());
        }
        long fetch = (long) Math.ceil(q.k() * 1.5 * n / wanted) + 10;
        return (int) Math.min(n, fetch);
    }

    private static Found await(Future<Found> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
