package org.musicdiscovery.vectorsearch.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One item found, with its exact scores (computed the same way whichever strategy answered).
 *
 * @param type     song, playlist or artist
 * @param id       catalogue id within its type
 * @param dot      inner product with the query
 * @param angular  cosine similarity with the query
 * @param foundBy  under which metrics it is among the best k: "dot", "angular" or both (the trees that returned it,
 *                 or the exact rankings that hold it)
 * @param genres   the stored sparse vector (genre collection, when asked for)
 * @param vector   the stored dense vector (other collections, when asked for)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Candidate(String type, long id, Double dot, Double angular, List<String> foundBy,
        Map<String, Double> genres, float[] vector) {
}
