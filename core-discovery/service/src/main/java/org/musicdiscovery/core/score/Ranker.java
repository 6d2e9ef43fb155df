package org.musicdiscovery.core.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.core.aggregate.Candidate;

/**
 * Orders candidates for a query. Genre queries use {@link MixScorer} (plus a bonus for named artists); keyword
 * queries use full-text relevance; similarity queries use embedding similarity. All add the same mild popularity
 * prior, and ties break by item ref so the order is stable across runs and replicas. Popularity, genre mix and
 * duplicate key come with the candidate when its source sent them, else from its details.
 */
public final class Ranker {
    static final double KEYWORD_ARTIST_BONUS = 0.2;

    /**
     * A candidate with its score.
     *
     * @param mix       the genre mix it was scored with (from the candidate, else from its details)
     * @param duplicate a song's duplicate-key hash (0 for other types), for {@code filter.ResultFilter}
     */
    public record Ranked(Candidate candidate, MixScorer.Score score, Map<String, Double> mix, long duplicate) {
        public double total() {
            return score.total();
        }
    }

    /**
     * Best first; ties by type, then id, the same order on every run and replica. Ties are common (same mix, no
     * popularity), and comparing the refs' printed form built two strings for each: 3 % of core's allocation on a miss.
     */
    static final Comparator<Ranked> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.total(), a.total());
        if (byScore != 0) {
            return byScore;
        }
        ItemRef x = a.candidate().ref(), y = b.candidate().ref();
        int byType = x.type().compareTo(y.type());
        return byType != 0 ? byType : Long.compare(x.id(), y.id());
    };

    private Ranker() {
    }

    /** @param details the details of every candidate that is not {@link Candidate#rankable()} */
    public static List<Ranked> rank(ParsedQuery query, List<Candidate> candidates, Map<ItemRef, EntityDetail> details) {
        List<Candidate> known = new ArrayList<>(candidates.size());
        List<Candidate.Facts> facts = new ArrayList<>(candidates.size());
        double maxPop = 0;
        for (Candidate c : candidates) {
            Candidate.Facts f = c.rankable() ? c.facts() : Candidate.Facts.of(details.get(c.ref()));
            if (f != null) { // else an id the catalogue no longer knows
                known.add(c);
                facts.add(f);
                maxPop = Math.max(maxPop, f.popularity());
            }
        }
        var excluded = new HashSet<>(query.excluded() == null ? List.of() : query.excluded());
        List<Ranked> out = new ArrayList<>(known.size());
        for (int i = 0; i < known.size(); i++) {
            Candidate c = known.get(i);
            Map<String, Double> mix = c.genres() != null ? c.genres() : mixOf(details.get(c.ref()));
            double pop = facts.get(i).popularity();
            MixScorer.Score s = switch (query.mode()) {
                case genre -> {
                    var m = MixScorer.score(query.genres(), mix, excluded, pop, maxPop);
                    yield m.withTotal(m.total() + KEYWORD_ARTIST_BONUS * c.keyword());
                }
                case keyword -> MixScorer.relevance(c.keyword(), mix, excluded, pop, maxPop);
                case similar -> MixScorer.relevance(c.similarity(), mix, excluded, pop, maxPop);
            };
            out.add(new Ranked(c, s, mix, facts.get(i).duplicate()));
        }
        out.sort(BEST_FIRST);
        return out;
    }

    public static Map<String, Double> mixOf(EntityDetail d) {
        Map<String, Double> mix = new LinkedHashMap<>();
        for (GenreWeight g : d.genres()) {
            mix.put(g.genre(), g.weight());
        }
        return mix;
    }
}
