package org.musicdiscovery.core.aggregate;

import java.util.Map;
import java.util.Set;
import org.musicdiscovery.catalogue.model.ItemRef;

/**
 * An item some source proposed, with what that source knows about it. Genre vectors travel with the candidate from
 * vector-search (core keeps no per-item vectors of its own).
 *
 * @param ref        the item
 * @param genres     its genre mix, when the source returned it (null otherwise)
 * @param keyword    full-text relevance, 0 when keyword search did not find it
 * @param similarity cosine similarity to a similarity seed, 0 when not a similarity candidate
 * @param sources    which sources proposed it
 */
public record Candidate(ItemRef ref, Map<String, Double> genres, double keyword, double similarity,
        Set<String> sources) {

    /** Two sources found the same item: keep everything each knew. */
    Candidate merge(Candidate other) {
        var union = new java.util.TreeSet<>(sources);
        union.addAll(other.sources);
        return new Candidate(ref, genres != null ? genres : other.genres, Math.max(keyword, other.keyword),
                Math.max(similarity, other.similarity), union);
    }
}
