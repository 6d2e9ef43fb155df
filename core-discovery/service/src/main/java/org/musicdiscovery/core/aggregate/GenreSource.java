package org.musicdiscovery.core.aggregate;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.core.cache.VersionSource;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/** Genre-mix candidates from vector-search's {@code genre} collection, with their genre vectors for scoring. */
@ApplicationScoped
public class GenreSource {
    public static final String NAME = "vector";
    public static final String COLLECTION = "genre";
    static final int PER_GENRE_MIN = 20;
    static final int PER_GENRE_MAX_GENRES = 4;

    @Inject
    VectorSearchClient vectors;
    @Inject
    VersionSource versions;

    private final PureGenreCache pureCache = new PureGenreCache();

    @AsynchronousNonBlocking
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 2000)
    @Fallback(fallbackMethod = "unavailable")
    public CompletionStage<SourceResult> candidates(Map<String, Double> mix, List<String> types, int k) {
        String requestId = RequestIds.current();
        CompletableFuture<SearchResponse> nearest = vectors.searchAsync(requestId, COLLECTION,
                SearchRequest.genres(mix, k, types)).toCompletableFuture();
        // the purest items of each asked genre too, at the same time: where the catalogue has few blends of the mix,
        // the page is composed of them in the asked proportions (score.MixComposer); the mix's own nearest are all
        // blends or the dominant genre's. They depend only on the genre, so they are searched once per version.
        int perGenre = Math.max(PER_GENRE_MIN, k / 4);
        String version = versions.current();
        List<CompletableFuture<List<Candidate>>> pure = mix.entrySet().stream().filter(e -> e.getValue() > 0)
                .limit(PER_GENRE_MAX_GENRES).map(e -> pureCache.get(
                        PureGenreCache.key(version, e.getKey(), types, perGenre),
                        () -> vectors.searchAsync(requestId, COLLECTION,
                                SearchRequest.genres(Map.of(e.getKey(), 1.0), perGenre, types))
                                .toCompletableFuture().thenApply(r -> toCandidates(r, NAME))))
                .toList();
        // composed, not joined: the caller's thread waits for the HTTP answers itself, one thread hand-off fewer
        CompletableFuture<?>[] all = new CompletableFuture<?>[pure.size() + 1];
        all[0] = nearest;
        for (int i = 0; i < pure.size(); i++) {
            all[i + 1] = pure.get(i);
        }
        return CompletableFuture.allOf(all).thenApply(done -> {
            SearchResponse response = nearest.join();
            List<Candidate> found = new ArrayList<>(toCandidates(response, NAME));
            pure.forEach(p -> found.addAll(p.join()));
            return SourceResult.ok(NAME, found, version(response));
        });
    }

    CompletionStage<SourceResult> unavailable(Map<String, Double> mix, List<String> types, int k) {
        return CompletableFuture.completedFuture(SourceResult.failed(NAME));
    }

    /** How the answering index names itself in cache keys (see VersionSource). */
    static String version(SearchResponse response) {
        return response.collection() + "@" + response.version();
    }

    static List<Candidate> toCandidates(SearchResponse response, String source) {
        Set<String> sources = Set.of(source);
        List<Candidate> found = new ArrayList<>(response.candidates().size());
        for (var c : response.candidates()) {
            ItemType type = ItemType.parse(c.type()).orElse(null);
            if (type != null) {
                found.add(new Candidate(new ItemRef(type, c.id()), c.genres(), 0, c.angular() == null ? 0
                        : c.angular(), sources, c.popularity() == null || c.duplicate() == null ? null
                        : new Candidate.Facts(c.popularity(), c.duplicate())));
            }
        }
        return Collections.unmodifiableList(found); // the purest items' lists are shared through PureGenreCache
    }
}
