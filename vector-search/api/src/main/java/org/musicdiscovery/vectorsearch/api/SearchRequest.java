package org.musicdiscovery.vectorsearch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * POST /v1/collections/{name}/search. Give exactly one of {@code genres} (sparse: dimension name → weight, for the
 * genre collection) or {@code vector} (dense, length = the collection's dimension).
 *
 * @param genres         sparse query, weights finite and ≥ 0, at least one positive
 * @param vector         dense query, finite values, not all zero
 * @param item           a stored item as {@code type:id}, e.g. {@code song:123}; it is left out of the results
 * @param k              candidates wanted, 1..{@value Limits#MAX_K} (default 100)
 * @param searchK        Annoy's search_k per tree set: −1 = n_trees·k (default), else 1..{@value Limits#MAX_SEARCH_K}
 * @param trees          dot, angular or both (default both, searched concurrently)
 * @param types          item types to keep (song, playlist, artist); empty = all. Over-fetched, then post-filtered
 * @param includeVectors return each candidate's stored vector (core scores with it; it keeps none in its heap)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchRequest(Map<String, Double> genres, float[] vector, String item, Integer k, Integer searchK, String trees,
        List<String> types, Boolean includeVectors) {

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
