package org.musicdiscovery.vectorsearch.search;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.musicdiscovery.collections.CollectionSearch;
import org.musicdiscovery.collections.LoadedCollection;
import org.musicdiscovery.vectorsearch.api.Candidate;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;
import org.musicdiscovery.vectorsearch.index.CollectionRegistry;

/** Runs a search on the served version of a collection, holding a reference so a hot swap cannot close it under us. */
@ApplicationScoped
public class SearchService {
    static final String[] TYPE_NAMES = new String[128];

    static {
        TYPE_NAMES['s'] = "song";
        TYPE_NAMES['p'] = "playlist";
        TYPE_NAMES['a'] = "artist";
    }

    @Inject
    CollectionRegistry registry;
    @Inject
    MeterRegistry meters;

    /** Meters by name and tags, looked up here: registering one per request was a look-up by id (1 % of CPU). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> sizes = new ConcurrentHashMap<>();

    /** Platform threads: the engine keeps per-thread search scratch, which virtual threads would keep re-creating. */
    private final ExecutorService treePool = Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
            r -> Thread.ofPlatform().daemon().name("tree-search-", 0).unstarted(r));

    public SearchResponse search(String collection, SearchRequest request) {
        LoadedCollection c = registry.acquire(collection)
                .orElseThrow(() -> new UnknownCollectionException(collection));
        try {
            CollectionSearch.Query asked = QueryVectors.toQuery(request, c);
            boolean sparse = c.dims() != null;
            // a sparse collection's vectors go out as named genres, read from the item's non-zeros below: the
            // search need not copy out every stored dense vector (396 floats per candidate, for a handful of genres)
            boolean named = sparse && asked.withVectors();
            CollectionSearch.Query q = named ? asked.withoutVectors() : asked;
            CollectionSearch.Result result = CollectionSearch.search(c, q, treePool);
            String strategy = result.strategy().wireName();
            result.timings().forEach((stage, ms) -> {
                if (!stage.equals("rounds")) {
                    timer(collection, strategy, stage).record((long) (ms * 1e6), TimeUnit.NANOSECONDS);
                }
            });
            sizes.computeIfAbsent(collection, k -> meters.summary("vector.search.candidates", "collection", collection))
                    .record(result.hits().size());
            List<Candidate> out = new ArrayList<>(result.hits().size());
            int f = c.manifest().dimension();
            int[] dims = named ? new int[f] : null;
            float[] values = named ? new float[f] : null;
            // facts go with the vectors: whoever scores with one needs the other
            boolean facts = asked.withVectors() && c.items().hasFacts();
            for (CollectionSearch.Hit h : result.hits()) {
                Map<String, Double> genres = null;
                if (named) {
                    genres = c.dims().named(dims, values, c.nonZeros(h.item(), dims, values));
                }
                out.add(new Candidate(TYPE_NAMES[h.typeCode()], h.id(), round(h.dot()), round(h.cosine()),
                        List.copyOf(h.foundBy()), genres, sparse ? null : h.vector(),
                        facts ? c.items().popularity(h.item()) : null,
                        facts ? c.items().duplicate(h.item()) : null));
            }
            return new SearchResponse(collection, c.manifest().version(), out, result.timings(), strategy);
        } finally {
            c.release();
        }
    }

    private Timer timer(String collection, String strategy, String stage) {
        return timers.computeIfAbsent(collection + ' ' + strategy + ' ' + stage,
                k -> Timer.builder("vector.search.time").tag("collection", collection).tag("strategy", strategy)
                        .tag("stage", stage).register(meters));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @PreDestroy
    void stop() {
        treePool.shutdownNow();
    }
}
