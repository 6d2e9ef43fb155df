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
import org.musicdiscovery.annoy.VectorMath;

/**
 * Searches a collection's trees and merges their candidates. With both trees asked, the dot and the angular search
 * run at the same time on the pool (the original design ran them one after the other); the union is then scored
 * exactly under both metrics from the stored vectors, so every candidate carries its dot product, its cosine and
 * the trees that found it. A type filter is applied by over-fetching and post-filtering, as Annoy's maintainers
 * recommend (the trees know nothing of types).
 */
public final class CollectionSearch {

    /** One merged candidate. {@code vector} is null unless asked for. */
    public record Hit(int item, char typeCode, long id, double dot, double cosine, Set<String> foundBy,
            float[] vector) {
    }

    public record Result(List<Hit> hits, Map<String, Double> timings) {
    }

    /** The question, already validated. {@code exclude} is an index item id to leave out, or -1. */
    public record Query(float[] vector, int k, int searchK, List<String> metrics, Set<Character> types,
            boolean withVectors, int exclude) {
    }

    static final int MAX_ROUNDS = 4;

    private CollectionSearch() {
    }

    /**
     * Over-fetch grows ×4 per round (at most {@value #MAX_ROUNDS} rounds, never beyond the collection) while the
     * type filter leaves fewer than k: a rare type can be scarce near a query even when it is common overall.
     */
    public static Result search(LoadedCollection c, Query q, ExecutorService pool) {
        long t0 = System.nanoTime();
        int fetch = overFetch(c, q);
        Map<String, Double> timings = new LinkedHashMap<>();
        List<Hit> hits;
        int round = 0;
        while (true) {
            Map<Integer, Set<String>> found = new LinkedHashMap<>();
            if (q.metrics().size() == 1) {
                collect(q.metrics().getFirst(), run(c, q, q.metrics().getFirst(), fetch), found, timings);
            } else {
                // the second forest on the pool, the first on this thread: both at once, one hand-off
                int n = fetch;
                Future<Found> other = pool.submit(() -> run(c, q, q.metrics().get(1), n));
                Found first = run(c, q, q.metrics().getFirst(), n);
                collect(q.metrics().getFirst(), first, found, timings);
                collect(q.metrics().get(1), await(other), found, timings);
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
        return new Result(hits, timings);
    }

    private record Found(int[] ids, int n, double millis) {
    }

    private static Found run(LoadedCollection c, Query q, String metric, int fetch) {
        long t = System.nanoTime();
        int[] ids = new int[fetch];
        int n = c.trees().get(metric).search(q.vector(), fetch, q.searchK(), ids);
        return new Found(ids, n, (System.nanoTime() - t) / 1e6);
    }

    private static void collect(String metric, Found f, Map<Integer, Set<String>> found, Map<String, Double> timings) {
        timings.merge(metric, f.millis(), Double::sum);
        for (int i = 0; i < f.n(); i++) {
            found.computeIfAbsent(f.ids()[i], x -> new TreeSet<>()).add(metric);
        }
    }

    /** Exact dot and cosine for every candidate, filter, order by cosine then dot then item id, cut to k. */
    private static List<Hit> score(LoadedCollection c, Query q, Map<Integer, Set<String>> found) {
        VectorTrees any = c.trees().values().iterator().next();
        float[] x = new float[c.manifest().dimension()];
        double qNorm = Math.sqrt(dot(q.vector(), q.vector()));
        List<Hit> hits = new ArrayList<>(found.size());
        for (var e : found.entrySet()) {
            int item = e.getKey();
            char type = c.items().typeCode(item);
            if (item == q.exclude() || !q.types().isEmpty() && !q.types().contains(type)) {
                continue;
            }
            any.vector(item, x);
            double d = dot(q.vector(), x);
            double xNorm = Math.sqrt(dot(x, x));
            double cos = qNorm == 0 || xNorm == 0 ? 0 : d / (qNorm * xNorm);
            hits.add(new Hit(item, type, c.items().catalogueId(item), d, cos, e.getValue(),
                    q.withVectors() ? x.clone() : null));
        }
        hits.sort(Comparator.comparingDouble(Hit::cosine).reversed().thenComparing(
                Comparator.comparingDouble(Hit::dot).reversed()).thenComparingInt(Hit::item));
        return hits.size() > q.k() ? List.copyOf(hits.subList(0, q.k())) : hits;
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

    static double dot(float[] a, float[] b) {
        return VectorMath.dot(a, b);
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
