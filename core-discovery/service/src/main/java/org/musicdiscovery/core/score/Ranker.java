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
 * prior, and ties break by item ref so the order is stable across runs and replicas.
 */
public final class Ranker {
    static final double KEYWORD_ARTIST_BONUS = 0.2;

    /** A candidate with its details and score. */
    /** @param mix the genre mix it was scored with (from the candidate, else from its details) */
    public record Ranked(Candidate candidate, EntityDetail detail, MixScorer.Score score, Map<String, Double> mix) {
        public double total() {
            return score.total();
        }
    }

    private Ranker() {
    }

    public static List<Ranked> rank(ParsedQuery query, List<Candidate> candidates, Map<ItemRef, EntityDetail> details) {
        double maxPop = details.values().stream().mapToDouble(EntityDetail::popularity).max().orElse(0);
        var excluded = new HashSet<>(query.excluded() == null ? List.of() : query.excluded());
        List<Ranked> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            EntityDetail d = details.get(c.ref());
            if (d == null) {
                continue; // an id the catalogue no longer knows
            }
            Map<String, Double> mix = c.genres() != null ? c.genres() : mixOf(d);
            double pop = d.popularity();
            MixScorer.Score s = switch (query.mode()) {
                case genre -> {
                    var m = MixScorer.score(query.genres(), mix, excluded, pop, maxPop);
                    yield m.withTotal(m.total() + KEYWORD_ARTIST_BONUS * c.keyword());
                }
                case keyword -> MixScorer.relevance(c.keyword(), mix, excluded, pop, maxPop);
                case similar -> MixScorer.relevance(c.similarity(), mix, excluded, pop, maxPop);
            };
            out.add(new Ranked(c, d, s, mix));
        }
        out.sort(Comparator.comparingDouble(Ranked::total).reversed()
                .thenComparing(r -> r.candidate().ref().toString()));
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
