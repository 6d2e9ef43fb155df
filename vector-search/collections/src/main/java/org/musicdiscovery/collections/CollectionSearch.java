package org.musicdiscovery.collections;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.musicdiscovery.annoy.SparseIndex;
import org.musicdiscovery.annoy.TopK;

/**
 * Answers a query on a collection by one of two paths with the same result shape and the same scores
 * ({@link Strategy} picks). <b>Trees:</b> with both trees asked, the dot and the angular search run at the same time
 * on the pool (the original design ran them one after the other); for a query of a few genres the two walks run
 * apart and the union of their candidates is scored once, half on each thread ({@link #bothByTerms}). Every
 * candidate is scored exactly under both metrics from the stored vectors, so it carries its dot product, its cosine
 * and the trees that found it. A type filter is applied by over-fetching and post-filtering, as Annoy's maintainers
 * recommend (the trees know nothing of types). <b>Exact:</b> the sparse index gives the exact top k under each asked
 * metric, the type filter applied inside; "foundBy" then names the metrics whose exact top k holds the item.
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
        /** The same question, the hits without their stored vectors. */
        public Query withoutVectors() {
            return new Query(vector, k, searchK, metrics, types, false, exclude, strategy);
        }
    }

    /** Best first: cosine, then dot product, then item number (popularity order: the tie rule). */
    static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::cosine).reversed()
            .thenComparing(Comparator.comparingDouble(Hit::dot).reversed()).thenComparingInt(Hit::item);

    static final int MAX_ROUNDS = 4;
    /**
     * How long the first forest's thread yield-spins for the second before parking: parking adds the wake-up of an
     * idle vCPU (tens of µs on this VM), and yielding hands the core to any runnable thread meanwhile.
     * bench-vector at search_k −1, two paired runs: both / (dot + angular) 0.64 and 0.71 with it, 0.78 and 0.76
     * without; a later run with it gave 0.80, so the gain is within this VM's noise, and it cost nothing measurable.
     */
    static final long SPIN_NANOS = 250_000;

    private CollectionSearch() {
    }

    /**
     * Over-fetch grows ×4 per round (at most {@value #MAX_ROUNDS} rounds, never beyond the collection) while the
     * type filter leaves fewer than k: a rare type can be scarce near a query even when it is common overall.
     */
    public static Result search(LoadedCollection c, Query q, ExecutorService pool) {
        return q.strategy().resolve(c, q.vector()) == Strategy.EXACT ? exact(c, q) : trees(c, q, pool);
    }

    /**
     * The exact top k per asked metric from the sparse index, merged and ranked like the trees' candidates. A question
     * about one type asks that type's own index when the version has one (same answer, its bounds prune far better).
     */
    private static Result exact(LoadedCollection c, Query q) {
        long t0 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        TypedSparse typed = q.types().size() == 1 ? c.sparse(q.types().iterator().next()) : null;
        SparseIndex index = typed != null ? typed.index() : c.sparse();
        IntPredicate accept = typed != null ? typed.excluding(q.exclude()) : accept(c, q);
        Map<Integer, Hit> found = new LinkedHashMap<>();
        int[] ids = new int[q.k()];
        double[] dots = new double[q.k()], cosines = new double[q.k()];
        int n = 0;
        for (String metric : q.metrics()) {
            long t = System.nanoTime();
            Similarity sim = Similarity.of(metric);
            // the previous metric's k items reach their lowest score under this one: a floor to prune from
            double floor = SparseIndex.floorOf(sim, n, q.k(), dots, cosines);
            n = index.search(q.vector(), sim, q.k(), accept, ids, dots, cosines, floor);
            timings.put(metric, (System.nanoTime() - t) / 1e6);
            for (int i = 0; i < n; i++) {
                int item = typed != null ? typed.global(ids[i]) : ids[i];
                double dot = dots[i], cos = cosines[i]; // the same under every metric: one scoring rule
                found.computeIfAbsent(item, x -> new Hit(item, c.items().typeCode(item), c.items().catalogueId(item),
                        dot, cos, new TreeSet<>(), q.withVectors() ? storedVector(c, item) : null)).foundBy().add(metric);
            }
        }
        timings.put("total", (System.nanoTime() - t0) / 1e6);
        return new Result(rank(new ArrayList<>(found.values()), q.k()), timings, Strategy.EXACT);
    }

    /**
     * Types and the excluded seed, as a filter (null: all items): the sparse index applies it before scoring, the
     * trees after their walk.
     */
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
        Terms terms = Terms.of(q, c);
        Map<String, Double> timings = new LinkedHashMap<>();
        List<Hit> hits;
        int round = 0;
        while (true) {
            List<Found> forests = new ArrayList<>(2);
            if (q.metrics().size() == 1) {
                forests.add(run(c, q, terms, q.metrics().getFirst(), fetch));
            } else if (terms.readTerms()) {
                forests.addAll(bothByTerms(c, q, terms, fetch, pool));
            } else {
                // the second forest on the pool, the first on this thread: both at once, one hand-off; each scores
                // its own candidates there too, so only the merge is left after both are done
                int n = fetch;
                Future<Found> other = pool.submit(() -> run(c, q, terms, q.metrics().get(1), n));
                forests.add(run(c, q, terms, q.metrics().getFirst(), n));
                forests.add(await(other));
            }
            for (int i = 0; i < forests.size(); i++) {
                timings.merge(q.metrics().get(i), forests.get(i).millis(), Double::sum);
            }
            hits = rank(merge(c, q, forests), q.k());
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

    /** One forest's candidates that pass the filter, each scored exactly; {@code millis} covers search and scoring. */
    private record Found(int[] items, double[] dots, double[] cosines, float[][] vectors, int n, double millis) {
    }

    /**
     * Searches one forest and scores what it found by {@link Similarity}'s rule (so the scores equal the exact
     * path's to the bit). Scoring reads each candidate's stored vector, scattered over the file: done here, on the
     * forest's own thread, it overlaps with the other forest instead of following both.
     */
    private static Found run(LoadedCollection c, Query q, Terms terms, String metric, int fetch) {
        long t = System.nanoTime();
        int[] ids = new int[fetch];
        VectorTrees forest = c.trees().get(metric);
        int n = terms.readTerms() ? nearestByTerms(c, forest, q, terms, fetch, ids)
                : forest.search(q.vector(), fetch, q.searchK(), ids);
        VectorTrees any = c.stored();
        float[] x = new float[c.manifest().dimension()];
        double[] dots = new double[n];
        double[] cosines = new double[n];
        float[][] vectors = q.withVectors() ? new float[n][] : null;
        IntPredicate accept = accept(c, q);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int item = ids[i];
            if (accept != null && !accept.test(item)) {
                continue;
            }
            double dot;
            if (terms.readTerms()) {
                dot = any.sparseDot(item, terms.dims(), terms.weights(), terms.n());
            } else {
                any.vector(item, x);
                dot = Similarity.dot(terms.dims(), terms.weights(), terms.n(), x);
            }
            // readTerms implies a sparse index; without one, x holds the stored vector
            double xNorm = c.sparse() != null ? c.sparse().norm(item) : Similarity.norm(x); // the same number
            ids[kept] = item;
            dots[kept] = dot;
            cosines[kept] = Similarity.COSINE.score(dot, terms.qNorm(), xNorm);
            if (vectors != null) {
                vectors[kept] = x.clone();
            }
            kept++;
        }
        return new Found(ids, dots, cosines, vectors, kept, (System.nanoTime() - t) / 1e6);
    }

    /**
     * Both forests of a few-genre query, sharing the scoring: each forest's walk on its own thread, then the union
     * of their candidates (both lists are in file order, so a merge) scored once, split between the two threads, and
     * each forest's nearest taken from those scores. An item both forests found used to be read and scored twice;
     * the answer is the same to the bit as {@link #run} on each forest, which reads the same stored floats.
     */
    private static List<Found> bothByTerms(LoadedCollection c, Query q, Terms terms, int fetch, ExecutorService pool) {
        long t = System.nanoTime();
        VectorTrees first = c.trees().get(q.metrics().get(0)), second = c.trees().get(q.metrics().get(1));
        Future<int[]> other = pool.submit(() -> second.candidates(q.vector(), fetch, q.searchK()));
        int[] a = first.candidates(q.vector(), fetch, q.searchK());
        int[] b = await(other);
        // the union in item order, with bit 0 / bit 1 for the forest(s) that found each item
        int[] union = new int[a.length + b.length];
        byte[] foundBy = new byte[union.length];
        int n = 0;
        for (int i = 0, j = 0; i < a.length || j < b.length; n++) {
            if (j == b.length || i < a.length && a[i] < b[j]) {
                union[n] = a[i++];
                foundBy[n] = 1;
            } else if (i == a.length || b[j] < a[i]) {
                union[n] = b[j++];
                foundBy[n] = 2;
            } else {
                union[n] = a[i++];
                j++;
                foundBy[n] = 3;
            }
        }
        VectorTrees any = c.stored();
        double[] dots = new double[n];
        int half = n / 2, size = n;
        Future<?> upper = pool.submit(() -> scoreRange(any, terms, union, dots, half, size));
        scoreRange(any, terms, union, dots, 0, half);
        await(upper);
        double ms = (System.nanoTime() - t) / 1e6;
        return List.of(nearestOf(c, q, terms, union, foundBy, dots, n, 0, fetch, ms),
                nearestOf(c, q, terms, union, foundBy, dots, n, 1, fetch, ms));
    }

    private static Void scoreRange(VectorTrees any, Terms terms, int[] items, double[] dots, int from, int to) {
        for (int i = from; i < to; i++) {
            dots[i] = any.sparseDot(items[i], terms.dims(), terms.weights(), terms.n());
        }
        return null;
    }

    /** Forest {@code f}'s nearest {@code fetch} of the scored union, as {@link #nearestByTerms} ranks them. */
    private static Found nearestOf(LoadedCollection c, Query q, Terms terms, int[] union, byte[] foundBy,
            double[] dots, int n, int f, int fetch, double millis) {
        Similarity rule = Similarity.of(q.metrics().get(f));
        TopK top = new TopK();
        top.reset(fetch);
        for (int i = 0; i < n; i++) {
            if ((foundBy[i] & 1 << f) != 0) {
                top.offer(-rule.score(dots[i], terms.qNorm(), c.sparse().norm(union[i])), i); // i: union index
            }
        }
        int[] order = new int[fetch];
        int m = top.drainSorted(order, null);
        int[] ids = new int[m];
        double[] kept = new double[m];
        double[] cosines = new double[m];
        IntPredicate accept = accept(c, q);
        int k = 0;
        for (int r = 0; r < m; r++) {
            int item = union[order[r]];
            if (accept != null && !accept.test(item)) {
                continue;
            }
            ids[k] = item;
            kept[k] = dots[order[r]];
            cosines[k] = Similarity.COSINE.score(kept[k], terms.qNorm(), c.sparse().norm(item));
            k++;
        }
        return new Found(ids, kept, cosines, null, k, millis);
    }

    /**
     * The forest's nearest {@code fetch} items as its own search would rank them, but each candidate scored by
     * {@link Similarity}'s rule from the query's few dimensions and the sparse index's norm instead of Annoy's
     * dense re-scoring: for a mix of two genres that reads 2 of 396 floats per candidate, and the re-scoring was
     * most of a forest's time. Ties go to the smaller item, as in every other ranking of the collection.
     */
    private static int nearestByTerms(LoadedCollection c, VectorTrees forest, Query q, Terms terms, int fetch,
            int[] ids) {
        Similarity rule = Similarity.of(forest.metric());
        TopK top = new TopK();
        top.reset(fetch);
        for (int item : forest.candidates(q.vector(), fetch, q.searchK())) {
            double dot = forest.sparseDot(item, terms.dims(), terms.weights(), terms.n());
            top.offer(-rule.score(dot, terms.qNorm(), c.sparse().norm(item)), item);
        }
        return top.drainSorted(ids, null);
    }

    /**
     * The query's non-zero terms in ascending order (the rule's summation order) and its norm. A query of a few
     * genres reads only its own dimensions of each stored vector, unless the vectors are asked for anyway.
     */
    private record Terms(int[] dims, float[] weights, int n, double qNorm, boolean readTerms) {
        static Terms of(Query query, LoadedCollection c) {
            float[] q = query.vector();
            int[] dims = new int[q.length];
            float[] weights = new float[q.length];
            int n = 0;
            for (int d = 0; d < q.length; d++) {
                if (q[d] != 0) {
                    dims[n] = d;
                    weights[n++] = q[d];
                }
            }
            boolean readTerms = c.sparse() != null && !query.withVectors() && n * 8 <= q.length;
            return new Terms(dims, weights, n, Similarity.norm(q), readTerms);
        }
    }

    /**
     * The union of the forests' scored candidates, each once, with the trees that found it. Membership by binary
     * search in each forest's sorted items, without boxing (the merge took 30–45 µs per query either way here).
     */
    private static List<Hit> merge(LoadedCollection c, Query q, List<Found> forests) {
        int[][] sorted = new int[forests.size()][];
        for (int f = 0; f < forests.size(); f++) {
            sorted[f] = Arrays.copyOf(forests.get(f).items(), forests.get(f).n());
            Arrays.sort(sorted[f]);
        }
        List<Set<String>> foundBy = foundBySets(q.metrics());
        List<Hit> hits = new ArrayList<>();
        for (int f = 0; f < forests.size(); f++) {
            Found found = forests.get(f);
            for (int i = 0; i < found.n(); i++) {
                int item = found.items()[i];
                int mask = 0;
                for (int g = 0; g < sorted.length; g++) {
                    mask |= Arrays.binarySearch(sorted[g], item) >= 0 ? 1 << g : 0;
                }
                if ((mask & (1 << f) - 1) == 0) { // not taken from an earlier forest, whose scores are the same
                    hits.add(new Hit(item, c.items().typeCode(item), c.items().catalogueId(item), found.dots()[i],
                            found.cosines()[i], foundBy.get(mask), found.vectors() == null ? null
                                    : found.vectors()[i]));
                }
            }
        }
        return hits;
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
        c.stored().vector(item, x);
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

    private static <T> T await(Future<T> f) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!f.isDone() && System.nanoTime() < until) {
            Thread.yield();
        }
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
