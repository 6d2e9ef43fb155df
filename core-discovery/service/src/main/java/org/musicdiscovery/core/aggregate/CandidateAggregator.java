package org.musicdiscovery.core.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.core.pipeline.ItemTypes;

/**
 * Asks every source the query needs, concurrently, and merges their candidates by item. Each source has its own
 * timeout, circuit breaker and fallback, so a failed source only shrinks the answer and is named in
 * {@code degraded}.
 */
@ApplicationScoped
public class CandidateAggregator {
    @Inject
    GenreSource genre;
    @Inject
    KeywordSource keyword;
    @Inject
    SimilarSource similar;

    /** @param versions the index versions that answered ({@code collection@version}) */
    public record Aggregated(List<Candidate> candidates, List<String> degraded, List<String> versions) {
    }

    public Aggregated collect(ParsedQuery query, int depth) {
        Optional<ItemType> type = ItemTypes.filter(query.itemType());
        List<String> types = type.map(t -> List.of(ItemTypes.name(t))).orElse(List.of());
        List<CompletionStage<SourceResult>> calls = new ArrayList<>();
        switch (query.mode()) {
            case genre -> {
                calls.add(genre.candidates(query.genres(), types, depth));
                if (query.artists() != null && !query.artists().isEmpty()) {
                    calls.add(keyword.candidates(String.join(" ", query.artists()), type, depth));
                }
            }
            case similar -> calls.add(similar.candidates(query.seed(), types, depth));
            case keyword -> calls.add(keyword.candidates(query.text(), type, depth));
        }
        Map<ItemRef, Candidate> merged = new LinkedHashMap<>();
        List<String> degraded = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (CompletionStage<SourceResult> call : calls) {
            SourceResult result = call.toCompletableFuture().join();
            if (result.failed()) {
                degraded.add(result.source());
            }
            if (result.version() != null) {
                versions.add(result.version());
            }
            for (Candidate c : result.candidates()) {
                merged.merge(c.ref(), c, Candidate::merge);
            }
        }
        if (merged.isEmpty() && query.mode() == ParsedQuery.Mode.similar && query.seed() != null) {
            // an unknown seed is not an error: search its words instead
            String words = (nullToEmpty(query.seed().track()) + " " + nullToEmpty(query.seed().artist())).strip();
            if (!words.isEmpty()) {
                keyword.candidates(words, type, depth).toCompletableFuture().join().candidates()
                        .forEach(c -> merged.put(c.ref(), c));
            }
        }
        return new Aggregated(new ArrayList<>(merged.values()), degraded, versions);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
