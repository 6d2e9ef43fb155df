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
 * @param popularity the item's popularity, and
 * @param duplicate  a song's duplicate-key hash (0 for other types): what core ranks and de-duplicates by, sent with
 *                   the vectors when the collection version has them, so core reads details for its page only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Candidate(String type, long id, Double dot, Double angular, List<String> foundBy,
        Map<String, Double> genres, float[] vector, Double popularity, Long duplicate) {

    public Candidate(String type, long id, Double dot, Double angular, List<String> foundBy,
            Map<String, Double> genres, float[] vector) {
        this(type, id, dot, angular, foundBy, genres, vector, null, null);
    }
}
