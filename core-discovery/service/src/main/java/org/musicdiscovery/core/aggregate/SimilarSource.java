package org.musicdiscovery.core.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.store.KeywordHit;
import org.musicdiscovery.catalogue.store.KeywordSearch;
import org.musicdiscovery.core.pipeline.ItemTypes;
import org.musicdiscovery.platform.InternalHttpClient;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/**
 * "Songs like Hey Jude", "artists like Adele": resolve the seed to a catalogue item by full text, then ask
 * vector-search's {@code embedding} collection (word2vec vectors trained on real playlists) for its neighbours.
 */
@ApplicationScoped
public class SimilarSource {
    public static final String NAME = "similar";
    public static final String COLLECTION = "embedding";

    @Inject
    VectorSearchClient vectors;
    @Inject
    KeywordSearch search;

    @Asynchronous
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 2000)
    @Fallback(fallbackMethod = "unavailable")
    public CompletionStage<SourceResult> candidates(ParsedQuery.Seed seed, List<String> types, int k) {
        Optional<ItemRef> item = resolve(seed);
        if (item.isEmpty()) {
            return CompletableFuture.completedFuture(SourceResult.ok(NAME, List.of()));
        }
        String ref = ItemTypes.name(item.get().type()) + ":" + item.get().id();
        // no embedding index served (not trained yet), or none for this item (word2vec only knows items seen in
        // enough playlists): "similar" falls back to the closest genre mixes; in neither, nothing is like it
        SourceResult result = searchUnlessUnknown(COLLECTION, ref, k, types)
                .or(() -> searchUnlessUnknown(GenreSource.COLLECTION, ref, k, types))
                .map(r -> SourceResult.ok(NAME, GenreSource.toCandidates(r, NAME), GenreSource.version(r)))
                .orElseGet(() -> SourceResult.ok(NAME, List.of()));
        return CompletableFuture.completedFuture(result);
    }

    /** The collection's neighbours of the item; empty when vector-search knows neither it nor the item (404). */
    private Optional<SearchResponse> searchUnlessUnknown(String collection, String ref, int k, List<String> types) {
        try {
            return Optional.of(vectors.search(collection, SearchRequest.similarTo(ref, k, types)));
        } catch (InternalHttpClient.Refused e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
    }

    CompletionStage<SourceResult> unavailable(ParsedQuery.Seed seed, List<String> types, int k) {
        return CompletableFuture.completedFuture(SourceResult.failed(NAME));
    }

    /**
     * An exact item seed ("more like this") is taken as given; a track seed is a song (its artist narrows the
     * text); an artist-only seed is an artist.
     */
    Optional<ItemRef> resolve(ParsedQuery.Seed seed) {
        if (seed == null) {
            return Optional.empty();
        }
        if (seed.item() != null) {
            return ItemTypes.parseRef(seed.item());
        }
        boolean track = seed.track() != null && !seed.track().isBlank();
        String text = track ? (seed.track() + " " + (seed.artist() == null ? "" : seed.artist())).strip()
                : seed.artist();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String clipped = text.length() > KeywordSearch.MAX_QUERY_LENGTH ? text.substring(0, KeywordSearch.MAX_QUERY_LENGTH)
                : text;
        Optional<ItemRef> found = first(clipped, track ? ItemType.SONG : ItemType.ARTIST);
        // the parser may take a title for an artist ("songs like Good Luck"): no artist is named so, a song may be
        return found.isPresent() || track ? found : first(clipped, ItemType.SONG);
    }

    private Optional<ItemRef> first(String text, ItemType type) {
        return search.search(text, Optional.of(type), 1).stream().findFirst().map(KeywordHit::ref);
    }
}
