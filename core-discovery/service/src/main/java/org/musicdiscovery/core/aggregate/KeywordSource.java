package org.musicdiscovery.core.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.store.KeywordSearch;

/** Keyword candidates: PostgreSQL full-text with trigram typo tolerance (the catalogue's own query). */
@ApplicationScoped
public class KeywordSource {
    public static final String NAME = "keyword";

    @Inject
    KeywordSearch search;

    @Asynchronous
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 2000)
    @Fallback(fallbackMethod = "unavailable")
    public CompletionStage<SourceResult> candidates(String text, Optional<ItemType> type, int limit) {
        // keyword search looks at the head of a long free-text query; the rest is for the parser's other stages
        String head = text.length() > KeywordSearch.MAX_QUERY_LENGTH
                ? text.substring(0, KeywordSearch.MAX_QUERY_LENGTH) : text;
        var hits = search.search(head, type, Math.min(limit, KeywordSearch.MAX_LIMIT));
        double best = hits.isEmpty() ? 1 : Math.max(1e-9, hits.getFirst().score());
        List<Candidate> out = hits.stream()
                .map(h -> new Candidate(h.ref(), null, h.score() / best, 0, Set.of(NAME))).toList();
        return CompletableFuture.completedFuture(SourceResult.ok(NAME, out));
    }

    CompletionStage<SourceResult> unavailable(String text, Optional<ItemType> type, int limit) {
        return CompletableFuture.completedFuture(SourceResult.failed(NAME));
    }
}
