package org.musicdiscovery.core.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well an item's genre mix answers a genre-mix query. Both mixes are sparse and sum to 1.
 *
 * <pre>
 * score = 0.35·cosine(q, x) + 0.55·fit(q, x) + 0.10·popularity − 1.0·Σ_{g excluded} x_g
 * fit   = 1 − ½·Σ_g |q_g − x_g|          (1 − total-variation distance: 1 when the proportions match)
 * popularity = log(1 + p) / log(1 + p_max) (a mild prior: well-known items win ties, never mismatches)
 * </pre>
 *
 * Cosine alone ranks a pure-blues song first for "blues with a little rock" (its direction is close); the fit term
 * is what prefers items whose <em>proportions</em> match, e.g. 0.8 blues / 0.2 rock. Excluded genres subtract their
 * share outright, so an item that is half excluded genre drops below every clean match.
 */
public final class MixScorer {
    public static final double COSINE = 0.35;
    public static final double FIT = 0.55;
    public static final double POPULARITY = 0.10;
    public static final double EXCLUSION = 1.0;

    /** One line of the explanation: a genre with its share in the query and in the item. */
    public record Why(String genre, double query, double item) {
    }

    /**
     * The score with its parts. The explanation ({@link MixScorer#why}) is made for the page's items only: building
     * it for every candidate (a few hundred per query, each with two sorts) cost more than scoring them.
     */
    public record Score(double total, double cosine, double fit, double popularity, double penalty) {
        public Score withTotal(double newTotal) {
            return new Score(newTotal, cosine, fit, popularity, penalty);
        }
    }

    private MixScorer() {
    }

    public static Score score(Map<String, Double> query, Map<String, Double> item, Set<String> excluded,
            double popularity, double maxPopularity) {
        double dot = 0, qq = 0, xx = 0, l1 = 0;
        for (var e : query.entrySet()) {
            double q = e.getValue(), x = item.getOrDefault(e.getKey(), 0.0);
            dot += q * x;
            qq += q * q;
            l1 += Math.abs(q - x);
        }
        for (var e : item.entrySet()) {
            double x = e.getValue();
            xx += x * x;
            if (!query.containsKey(e.getKey())) {
                l1 += x;
            }
        }
        double cosine = qq == 0 || xx == 0 ? 0 : dot / Math.sqrt(qq * xx);
        double fit = 1 - 0.5 * l1;
        double pop = prior(popularity, maxPopularity);
        double penalty = excludedShare(item, excluded);
        double total = COSINE * cosine + FIT * fit + POPULARITY * pop - EXCLUSION * penalty;
        return new Score(total, cosine, fit, pop, penalty);
    }

    /**
     * Keyword and similarity queries: the source's own relevance (0..1) plus the same popularity prior and
     * exclusion penalty as genre queries.
     */
    public static Score relevance(double relevance, Map<String, Double> item, Set<String> excluded,
            double popularity, double maxPopularity) {
        double pop = prior(popularity, maxPopularity);
        double penalty = excludedShare(item, excluded);
        double total = (1 - POPULARITY) * relevance + POPULARITY * pop - EXCLUSION * penalty;
        return new Score(total, 0, 0, pop, penalty);
    }

    static double prior(double popularity, double maxPopularity) {
        return maxPopularity <= 0 ? 0 : Math.log1p(Math.max(0, popularity)) / Math.log1p(maxPopularity);
    }

    /** The share of an item's mix that belongs to genres the user excluded. */
    public static double excludedShare(Map<String, Double> item, Set<String> excluded) {
        double share = 0;
        for (String g : excluded) {
            share += item.getOrDefault(g, 0.0);
        }
        return share;
    }

    /**
     * Why an item answers a genre query: query genres first (by query share), then the item's largest other genres,
     * at most five lines.
     */
    public static List<Why> why(Map<String, Double> query, Map<String, Double> item) {
        List<Why> lines = new ArrayList<>();
        query.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> lines.add(new Why(e.getKey(), e.getValue(), item.getOrDefault(e.getKey(), 0.0))));
        item.entrySet().stream().filter(e -> !query.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(Math.max(0, 5 - lines.size()))
                .forEach(e -> lines.add(new Why(e.getKey(), 0.0, e.getValue())));
        lines.sort(Comparator.comparingDouble((Why w) -> -w.query()).thenComparingDouble(w -> -w.item()));
        return lines;
    }
}
