package org.musicdiscovery.core.aggregate;

import java.util.Map;
import java.util.Set;
import org.musicdiscovery.catalogue.model.DuplicateKey;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;

/**
 * An item some source proposed, with what that source knows about it. Genre vectors travel with the candidate from
 * vector-search (core keeps no per-item vectors of its own), and so do the facts ranking and de-duplication need.
 *
 * @param ref        the item
 * @param genres     its genre mix, when the source returned it (null otherwise)
 * @param keyword    full-text relevance, 0 when keyword search did not find it
 * @param similarity cosine similarity to a similarity seed, 0 when not a similarity candidate
 * @param sources    which sources proposed it
 * @param facts      its popularity and duplicate-key hash, when the source returned them (null otherwise: then
 *                   they are read from its details before ranking)
 */
public record Candidate(ItemRef ref, Map<String, Double> genres, double keyword, double similarity,
        Set<String> sources, Facts facts) {

    /** @param duplicate a song's {@code DuplicateKey.hash}; 0 for playlists and artists */
    public record Facts(double popularity, long duplicate) {
        /** The facts of an item read from its details (null when it has none). */
        public static Facts of(EntityDetail d) {
            return d == null ? null : new Facts(d.popularity(),
                    d.duplicateKey() == null ? 0 : DuplicateKey.hash(d.duplicateKey()));
        }
    }

    public Candidate(ItemRef ref, Map<String, Double> genres, double keyword, double similarity,
            Set<String> sources) {
        this(ref, genres, keyword, similarity, sources, null);
    }

    /** Whether ranking can do without its details (the page still reads them). */
    public boolean rankable() {
        return genres != null && facts != null;
    }

    /** Two sources found the same item: keep everything each knew. */
    Candidate merge(Candidate other) {
        var union = new java.util.TreeSet<>(sources);
        union.addAll(other.sources);
        return new Candidate(ref, genres != null ? genres : other.genres, Math.max(keyword, other.keyword),
                Math.max(similarity, other.similarity), union, facts != null ? facts : other.facts);
    }
}
