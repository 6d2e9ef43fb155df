package org.musicdiscovery.vectorsearch.api;

import java.util.List;
import java.util.Map;

/**
 * The union of the searched trees' candidates, best first by the larger of their scores.
 *
 * @param collection the collection searched
 * @param version    the index version that answered (part of core's cache key)
 * @param candidates at most k items
 * @param timings    milliseconds: "dot", "angular", "total"
 */
public record SearchResponse(String collection, String version, List<Candidate> candidates,
        Map<String, Double> timings) {
}
