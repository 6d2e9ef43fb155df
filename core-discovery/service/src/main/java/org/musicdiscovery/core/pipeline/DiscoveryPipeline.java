package org.musicdiscovery.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ResultItem;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.core.aggregate.Candidate;
import org.musicdiscovery.core.aggregate.CandidateAggregator;
import org.musicdiscovery.core.cache.QueryKey;
import org.musicdiscovery.core.cache.ResultCache;
import org.musicdiscovery.core.cache.SingleFlight;
import org.musicdiscovery.core.cache.VersionSource;
import org.musicdiscovery.core.filter.ResultFilter;
import org.musicdiscovery.core.parse.QueryParsing;
import org.musicdiscovery.core.populate.DetailPopulator;
import org.musicdiscovery.core.populate.ResultItems;
import org.musicdiscovery.core.score.Ranker;
import org.musicdiscovery.core.score.Ranker.Ranked;

/**
 * The discovery pipeline, stage by stage: parse → cache → aggregate → populate → score → filter → page. Details
 * are fetched for all candidates in one Redis round trip before scoring, because the popularity prior and
 * de-duplication need them. Each stage's wall time is reported in the response.
 */
@ApplicationScoped
public class DiscoveryPipeline {
    /** Candidates asked of each source: enough to survive filtering, few enough to stay fast. */
    static final int MIN_DEPTH = 100;
    static final int MAX_DEPTH = 1000;

    @Inject
    QueryParsing parsing;
    @Inject
    ResultCache cache;
    @Inject
    VersionSource versions;
    @Inject
    CandidateAggregator aggregator;
    @Inject
    DetailPopulator populator;
    @Inject
    MeterRegistry meters;

    private final SingleFlight<DiscoverResponse> flights = new SingleFlight<>();

    public DiscoverResponse discover(DiscoverRequest request) {
        var clock = new StageClock();
        ParsedQuery parsed = parsing.parse(request);
        clock.lap("parse");
        String key = QueryKey.of(parsed, request.limit(), request.offset(), versions.current());
        ResultCache.Lookup lookup = cache.get(key);
        clock.lap("cache");
        if (lookup instanceof ResultCache.Lookup.Hit hit) {
            return hit.response().withCache("hit", clock.timings());
        }
        var flight = flights.run(key, () -> compute(parsed, request, clock));
        DiscoverResponse response = flight.value();
        boolean cacheable = lookup instanceof ResultCache.Lookup.Miss && response.degraded().isEmpty();
        if (cacheable && !flight.shared()) {
            cache.put(key, response);
        }
        String state = lookup instanceof ResultCache.Lookup.Unavailable ? "bypass" : "miss";
        return flight.shared() ? response.withCache(state, clock.timings()) : response.withCache(state,
                response.timings());
    }

    private DiscoverResponse compute(ParsedQuery parsed, DiscoverRequest request, StageClock clock) {
        int depth = Math.clamp(3L * (request.offset() + request.limit()), MIN_DEPTH, MAX_DEPTH);
        var aggregated = aggregator.collect(parsed, depth);
        clock.lap("aggregate");

        List<ItemRef> refs = aggregated.candidates().stream().map(Candidate::ref).toList();
        Map<ItemRef, EntityDetail> details = populator.populate(refs);
        clock.lap("populate");

        List<Ranked> ranked = Ranker.rank(parsed, aggregated.candidates(), details);
        clock.lap("score");

        Set<String> excluded = new HashSet<>(parsed.excluded() == null ? List.of() : parsed.excluded());
        List<Ranked> kept = ResultFilter.apply(ranked, ItemTypes.filter(parsed.itemType()), excluded, Set.of());
        clock.lap("filter");

        List<ResultItem> items = kept.stream().skip(request.offset()).limit(request.limit())
                .map(r -> ResultItems.of(r.detail(), r.total(),
                        parsed.mode() == ParsedQuery.Mode.genre ? r.score().why() : null))
                .toList();
        meters.summary("discovery.results").record(items.size());
        aggregated.degraded().forEach(source -> meters.counter("discovery.degraded", "source", source).increment());
        return new DiscoverResponse(items, parsed, aggregated.degraded(), clock.timings(), "miss");
    }
}
