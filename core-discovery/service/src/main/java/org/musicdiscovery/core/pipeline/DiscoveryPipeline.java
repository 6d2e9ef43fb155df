package org.musicdiscovery.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import org.musicdiscovery.core.score.MixComposer;
import org.musicdiscovery.core.score.MixScorer;
import org.musicdiscovery.core.score.Ranker;
import org.musicdiscovery.core.score.Ranker.Ranked;

/**
 * The discovery pipeline, stage by stage: parse → cache → aggregate → score → filter → compose → populate the page.
 * The popularity prior and de-duplication need each candidate's popularity and duplicate key: vector-search sends
 * them with its candidates, so details are read (one Redis round trip) for the page only, and before scoring only for
 * candidates that came without them (keyword and similarity sources). Each stage's wall time is in the response.
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
    /** The largest offset a request may ask for: a page's {@code next} never points past it. */
    @ConfigProperty(name = "discovery.limits.max-offset")
    int maxOffset;

    private final SingleFlight<Computed> flights = new SingleFlight<>();

    /**
     * @param page    the page as written once for the cache and the client ({@code ResultCache.page})
     * @param current whether every index that answered is the one the cache key names
     */
    private record Computed(DiscoverResponse response, byte[] page, boolean current) {
    }

    /**
     * A request as far as a thread that must not block takes it ({@link #start}): parsed and keyed when its parse was
     * remembered and the data version fresh, else {@code parsed}, {@code version} and {@code key} are null.
     */
    public record Started(DiscoverRequest request, StageClock clock, ParsedQuery parsed, String version, String key) {
    }

    /** Parses and keys the request if that needs no blocking call; an event-loop thread may run it. */
    public Started start(DiscoverRequest request) {
        var clock = new StageClock();
        ParsedQuery parsed = parsing.parseIfRemembered(request);
        String version = parsed == null ? null : versions.currentIfFresh();
        if (version == null) {
            return new Started(request, clock, null, null, null);
        }
        clock.lap("parse");
        return new Started(request, clock, parsed, version,
                QueryKey.of(parsed, request.limit(), request.offset(), version));
    }

    /**
     * The whole response body when this replica holds the page of a started request, else null (then
     * {@link #discover}); never a blocking call, so event-loop threads answer such hits.
     */
    public byte[] fromHeap(Started started) {
        byte[] page = started.key() == null ? null : cache.getLocal(started.key());
        if (page == null) {
            return null;
        }
        started.clock().lap("cache");
        return cache.answer(page, started.parsed(), "hit", started.clock().timings());
    }

    /** The whole response body, JSON, for a started request: what {@link #start} did is not done again. */
    public byte[] discover(Started started) {
        DiscoverRequest request = started.request();
        StageClock clock = started.clock();
        clock.skipWait();
        ParsedQuery parsed = started.parsed();
        String version = started.version(), key = started.key();
        ResultCache.Lookup lookup;
        if (key == null) {
            parsed = parsing.parse(request);
            clock.lap("parse");
            version = versions.current();
            key = QueryKey.of(parsed, request.limit(), request.offset(), version);
            lookup = cache.get(key);
        } else {
            lookup = cache.getShared(key); // start's caller found it not held here
        }
        clock.lap("cache");
        if (lookup instanceof ResultCache.Lookup.Hit hit) {
            return cache.answer(hit.page(), parsed, "hit", clock.timings());
        }
        ParsedQuery query = parsed;
        String keyVersion = version;
        var flight = flights.run(key, () -> compute(query, request, clock, keyVersion));
        DiscoverResponse response = flight.value().response();
        // during an index swap another replica may already answer from the next version: never file that page
        // under this version's key (it would outlive the swap by the whole TTL)
        boolean cacheable = lookup instanceof ResultCache.Lookup.Miss && response.degraded().isEmpty()
                && flight.value().current();
        if (cacheable && !flight.shared()) {
            cache.put(key, flight.value().page());
        }
        String state = lookup instanceof ResultCache.Lookup.Unavailable ? "bypass" : "miss";
        // a shared flight's page was computed for an identical key, not necessarily from identical words
        return cache.answer(flight.value().page(), parsed, state,
                flight.shared() ? clock.timings() : response.timings());
    }

    private Computed compute(ParsedQuery parsed, DiscoverRequest request, StageClock clock, String keyVersion) {
        int depth = Math.clamp(3L * (request.offset() + request.limit()), MIN_DEPTH, MAX_DEPTH);
        var aggregated = aggregator.collect(parsed, depth);
        clock.lap("aggregate");

        List<ItemRef> unrankable = aggregated.candidates().stream().filter(c -> !c.rankable()).map(Candidate::ref)
                .toList();
        Map<ItemRef, EntityDetail> details = new HashMap<>(populator.populate(unrankable, keyVersion));
        clock.lap("populate");

        List<Ranked> ranked = Ranker.rank(parsed, aggregated.candidates(), details);
        clock.lap("score");

        Set<String> excluded = new HashSet<>(parsed.excluded() == null ? List.of() : parsed.excluded());
        List<Ranked> kept = ResultFilter.apply(ranked, ItemTypes.filter(parsed.itemType()), excluded, Set.of());
        if (parsed.mode() == ParsedQuery.Mode.genre) {
            clock.lap("filter");
            kept = MixComposer.compose(kept, parsed.genres(), request.offset() + request.limit());
            clock.lap("compose");
        } else {
            clock.lap("filter");
        }

        List<ResultItem> items = page(kept.subList(Math.min(request.offset(), kept.size()), kept.size()),
                request.limit(), details, parsed, keyVersion);
        clock.lap("populate");
        meters.summary("discovery.results").record(items.size());
        aggregated.degraded().forEach(source -> meters.counter("discovery.degraded", "source", source).increment());
        boolean current = aggregated.versions().stream().allMatch(v -> VersionSource.names(keyVersion, v));
        var response = new DiscoverResponse(items, parsed, aggregated.degraded(),
                DiscoverResponse.Page.of(request.offset(), request.limit(), items.size(), maxOffset), clock.timings(),
                "miss");
        return new Computed(response, cache.page(response), current);
    }

    /**
     * The first {@code limit} of {@code ranked} with their details, read in one round trip for those not read yet;
     * an item whose details are gone (an index newer than the catalogue) is skipped and the next one read.
     */
    private List<ResultItem> page(List<Ranked> ranked, int limit, Map<ItemRef, EntityDetail> details,
            ParsedQuery parsed, String version) {
        List<ResultItem> items = new ArrayList<>(limit);
        int next = 0;
        while (items.size() < limit && next < ranked.size()) {
            List<Ranked> batch = ranked.subList(next, Math.min(ranked.size(), next + limit - items.size()));
            next += batch.size();
            List<ItemRef> unread = batch.stream().map(r -> r.candidate().ref()).filter(r -> !details.containsKey(r))
                    .toList();
            details.putAll(populator.populate(unread, version));
            for (Ranked r : batch) {
                EntityDetail d = details.get(r.candidate().ref());
                if (d != null) {
                    items.add(ResultItems.of(d, r.total(),
                            parsed.mode() == ParsedQuery.Mode.genre ? MixScorer.why(parsed.genres(), r.mix()) : null));
                }
            }
        }
        return items;
    }
}
