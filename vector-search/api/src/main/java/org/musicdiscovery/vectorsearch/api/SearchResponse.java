package org.musicdiscovery.vectorsearch.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The union of the best k under each asked metric, best first by cosine, then dot product, then the collection's
 * tie order (popularity).
 *
 * @param collection the collection searched
 * @param version    the index version that answered (part of core's cache key)
 * @param candidates at most k items
 * @param timings    milliseconds: "dot", "angular", "total"
 * @param strategy   what answered: "trees" or "exact" (the sparse index); same shape and scores either way
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchResponse(String collection, String version, List<Candidate> candidates,
        Map<String, Double> timings, String strategy) {

    /** As before strategies existed (the strategy unknown). */
    public SearchResponse(String collection, String version, List<Candidate> candidates,
            Map<String, Double> timings) {
        this(collection, version, candidates, timings, null);
    }
}
