package org.musicdiscovery.core.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.core.aggregate.Candidate;
import org.musicdiscovery.core.score.Ranker.Ranked;

class MixComposerTest {
    static final Map<String, Double> FUNK_LITTLE_ROCK = Map.of("funk", 0.8, "rock", 0.2);

    /** Candidates in the order the ranker gives them: each scored alone against the query. */
    static List<Ranked> ranked(Map<String, Double> query, List<Map<String, Double>> mixes) {
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < mixes.size(); i++) {
            var c = new Candidate(new ItemRef(ItemType.SONG, i), mixes.get(i), 0, 0, Set.of("vector"));
            out.add(new Ranked(c, MixScorer.score(query, mixes.get(i), Set.of(), 0, 0), mixes.get(i), 0));
        }
        out.sort((a, b) -> Double.compare(b.total(), a.total()));
        return out;
    }

    static double pageL1(List<Ranked> page, int n, Map<String, Double> asked) {
        Map<String, Double> sum = new HashMap<>();
        page.subList(0, n).forEach(r -> r.mix().forEach((g, w) -> sum.merge(g, w, Double::sum)));
        return deviation(sum, n, Map.of(), asked) / n; // the L1 of the page's mean mix
    }

    @Test
    void withoutBlendsThePageMixesPureItemsInTheAskedProportions() {
        List<Map<String, Double>> mixes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mixes.add(Map.of("funk", 1.0));
        }
        for (int i = 0; i < 10; i++) {
            mixes.add(Map.of("rock", 1.0));
        }
        List<Ranked> ranked = ranked(FUNK_LITTLE_ROCK, mixes);
        assertEquals(0.4, pageL1(ranked, 10, FUNK_LITTLE_ROCK), 1e-9, "scored alone: ten pure funk items");
        List<Ranked> page = MixComposer.compose(ranked, FUNK_LITTLE_ROCK, 10);
        assertEquals(0.0, pageL1(page, 10, FUNK_LITTLE_ROCK), 1e-9);
        assertEquals(1.0, page.getFirst().mix().get("funk"), "the best single fit still leads");
        assertEquals(ranked.size(), page.size(), "nothing lost, nothing added");
    }

    @Test
    void blendsThatFitTheMixComeFirst() {
        List<Map<String, Double>> mixes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mixes.add(Map.of("funk", 1.0));
            mixes.add(Map.of("rock", 1.0));
        }
        for (int i = 0; i < 10; i++) {
            mixes.add(Map.of("funk", 0.8, "rock", 0.2));
        }
        List<Ranked> page = MixComposer.compose(ranked(FUNK_LITTLE_ROCK, mixes), FUNK_LITTLE_ROCK, 10);
        page.subList(0, 10).forEach(r -> assertEquals(FUNK_LITTLE_ROCK, r.mix()));
    }

    @Test
    void singleGenreQueriesKeepTheRankersOrder() {
        List<Ranked> ranked = ranked(Map.of("funk", 1.0), List.of(Map.of("funk", 1.0), Map.of("funk", 0.5,
                "soul", 0.5), Map.of("rock", 1.0)));
        assertEquals(ranked, MixComposer.compose(ranked, Map.of("funk", 1.0), 10));
    }

    @Test
    void positionsAfterThePageKeepTheRankersOrder() {
        List<Map<String, Double>> mixes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mixes.add(Map.of("funk", 1.0, "x" + i, 0.0));
            mixes.add(Map.of("rock", 1.0, "y" + i, 0.0));
        }
        List<Ranked> ranked = ranked(FUNK_LITTLE_ROCK, mixes);
        List<Ranked> page = MixComposer.compose(ranked, FUNK_LITTLE_ROCK, 5);
        List<Ranked> rest = new ArrayList<>(ranked);
        rest.removeAll(page.subList(0, 5));
        assertEquals(rest, page.subList(5, page.size()));
        assertTrue(page.subList(0, 5).stream().anyMatch(r -> r.mix().containsKey("rock")));
    }

    /** The greedy rule as its formula reads, over maps: what compose() must equal on any input. */
    static List<Ranked> composeByFormula(List<Ranked> ranked, Map<String, Double> asked, int n) {
        List<Ranked> pool = new ArrayList<>(ranked);
        List<Ranked> page = new ArrayList<>();
        Map<String, Double> sum = new HashMap<>();
        for (int pos = 0; pos < n && !pool.isEmpty(); pos++) {
            int best = 0;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                double gain = pool.get(i).total()
                        - MixComposer.BALANCE * deviation(sum, pos + 1, pool.get(i).mix(), asked);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            Ranked chosen = pool.remove(best);
            chosen.mix().forEach((g, w) -> sum.merge(g, w, Double::sum));
            page.add(chosen);
        }
        page.addAll(pool);
        return page;
    }

    @Test
    void composesWhatTheFormulaSaysOnRandomMixes() {
        java.util.Random random = new java.util.Random(11);
        String[] genres = {"funk", "rock", "soul", "jazz", "blues", "pop", "hip hop"};
        for (int round = 0; round < 200; round++) {
            Map<String, Double> asked = new HashMap<>();
            int nAsked = 2 + random.nextInt(2);
            for (int g = 0; g < nAsked; g++) {
                asked.put(genres[g], 1.0 / nAsked);
            }
            List<Map<String, Double>> mixes = new ArrayList<>();
            for (int i = 0; i < 20 + random.nextInt(200); i++) {
                Map<String, Double> mix = new HashMap<>();
                int parts = 1 + random.nextInt(4);
                for (int p = 0; p < parts; p++) {
                    // continuous weights: mathematically equal gains then come only from identical mixes, which
                    // both sides tie the same way (different mixes with equal gains may round apart differently)
                    mix.merge(genres[random.nextInt(genres.length)], random.nextDouble(), Double::sum);
                }
                mixes.add(random.nextInt(5) == 0 && !mixes.isEmpty() ? mixes.getLast() : mix); // some exact repeats
            }
            List<Ranked> ranked = ranked(asked, mixes);
            int n = 1 + random.nextInt(30);
            assertEquals(refs(composeByFormula(ranked, asked, n)), refs(MixComposer.compose(ranked, asked, n)),
                    "round " + round);
        }
    }

    static List<String> refs(List<Ranked> page) {
        return page.stream().map(r -> r.candidate().ref().toString()).toList();
    }

    /** Σ_g |sum_g + extra_g − n·asked_g| over every genre present: the page's distance from n·asked, in items. */
    private static double deviation(Map<String, Double> sum, int n, Map<String, Double> extra,
            Map<String, Double> asked) {
        double d = 0;
        for (var e : asked.entrySet()) {
            d += Math.abs(sum.getOrDefault(e.getKey(), 0.0) + extra.getOrDefault(e.getKey(), 0.0) - n * e.getValue());
        }
        for (var e : sum.entrySet()) {
            if (!asked.containsKey(e.getKey())) {
                d += e.getValue() + extra.getOrDefault(e.getKey(), 0.0);
            }
        }
        for (var e : extra.entrySet()) {
            if (!asked.containsKey(e.getKey()) && !sum.containsKey(e.getKey())) {
                d += e.getValue();
            }
        }
        return d;
    }
}
