package org.musicdiscovery.vectorsearch.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * POST /v1/collections/{name}/search. Give exactly one of {@code genres} (sparse: dimension name → weight, for the
 * genre collection), {@code vector} (dense, length = the collection's dimension) or {@code item}.
 *
 * @param genres         sparse query, weights finite and ≥ 0, at least one positive
 * @param vector         dense query, finite values, not all zero
 * @param item           a stored item as {@code type:id}, e.g. {@code song:123}; it is left out of the results
 * @param k              candidates wanted, 1..{@value Limits#MAX_K} (default 100)
 * @param searchK        Annoy's search_k per tree set: −1 = n_trees·k (default), else 1..{@value Limits#MAX_SEARCH_K}
 * @param trees          dot, angular or both (default both): the metrics whose best k are merged (with strategy
 *                       trees, their trees are searched concurrently)
 * @param types          item types to keep (song, playlist, artist); empty = all. Trees over-fetch, then post-filter;
 *                       the exact path filters inside
 * @param includeVectors return each candidate's stored vector (core scores with it; it keeps none in its heap), and
 *                       its popularity and duplicate-key hash when the collection has them
 * @param strategy       auto (default), trees or exact: exact answers from the collection's sparse index (recall 1.0;
 *                       needs one, and non-negative weights; {@code searchK} does not apply); auto answers exactly
 *                       the sparse queries of a collection that has one and by the trees otherwise. The response
 *                       says which answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchRequest(Map<String, Double> genres, float[] vector, String item, Integer k, Integer searchK, String trees,
        List<String> types, Boolean includeVectors, String strategy) {

    /** As before strategies existed: auto. */
    public SearchRequest(Map<String, Double> genres, float[] vector, String item, Integer k, Integer searchK,
            String trees, List<String> types, Boolean includeVectors) {
        this(genres, vector, item, k, searchK, trees, types, includeVectors, null);
    }

    public static SearchRequest genres(Map<String, Double> genres, int k, List<String> types) {
        return new SearchRequest(genres, null, null, k, null, null, types, true);
    }

    public static SearchRequest dense(float[] vector, int k, List<String> types) {
        return new SearchRequest(null, vector, null, k, null, null, types, false);
    }

    public static SearchRequest similarTo(String item, int k, List<String> types) {
        return new SearchRequest(null, null, item, k, null, null, types, false);
    }
}
