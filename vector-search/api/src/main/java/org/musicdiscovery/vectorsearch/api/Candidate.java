package org.musicdiscovery.vectorsearch.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One item found by the trees, with its score under each metric that was searched.
 *
 * @param type     song, playlist or artist
 * @param id       catalogue id within its type
 * @param dot      inner product with the query (null if the dot tree was not searched)
 * @param angular  cosine similarity with the query (null if the angular tree was not searched)
 * @param foundBy  which trees returned it: "dot", "angular" or both
 * @param genres   the stored sparse vector (genre collection, when asked for)
 * @param vector   the stored dense vector (other collections, when asked for)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(String type, long id, Double dot, Double angular, List<String> foundBy,
        Map<String, Double> genres, float[] vector) {
}
