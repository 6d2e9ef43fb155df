package org.musicdiscovery.core.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixScorerTest {
    static final Map<String, Double> BLUES_LITTLE_ROCK = Map.of("blues", 0.8, "rock", 0.2);

    static double score(Map<String, Double> q, Map<String, Double> item) {
        return MixScorer.score(q, item, Set.of(), 0, 0).total();
    }

    @Test
    void identicalMixIsAPerfectFit() {
        var s = MixScorer.score(BLUES_LITTLE_ROCK, BLUES_LITTLE_ROCK, Set.of(), 0, 0);
        assertEquals(1.0, s.cosine(), 1e-12);
        assertEquals(1.0, s.fit(), 1e-12);
        assertEquals(MixScorer.COSINE + MixScorer.FIT, s.total(), 1e-12);
    }

    @Test
    void disjointMixScoresZero() {
        assertEquals(0.0, score(BLUES_LITTLE_ROCK, Map.of("techno", 1.0)), 1e-12);
    }

    /** Hand-checked order for "blues with a little rock". */
    @Test
    void proportionsDecideTheOrder() {
        var candidates = List.of(
                Map.of("blues", 0.5, "rock", 0.5),              // right genres, wrong proportions
                Map.of("blues", 1.0),                           // close direction, misses rock
                Map.of("blues", 0.75, "rock", 0.25),            // nearly the asked mix
                Map.of("rock", 1.0),                            // the minor genre only
                Map.of("blues", 0.7, "rock", 0.2, "soul", 0.1)); // asked mix plus a bit of soul
        var ranked = candidates.stream()
                .sorted(Comparator.comparingDouble((Map<String, Double> m) -> -score(BLUES_LITTLE_ROCK, m))).toList();
        assertEquals(List.of(candidates.get(2), candidates.get(4), candidates.get(1), candidates.get(0),
                candidates.get(3)), ranked);
    }

    @Test
    void excludedGenresSinkAnItemBelowCleanMatches() {
        var clean = MixScorer.score(Map.of("jazz", 1.0), Map.of("jazz", 0.6, "soul", 0.4), Set.of("pop"), 0, 0);
        var tainted = MixScorer.score(Map.of("jazz", 1.0), Map.of("jazz", 0.7, "pop", 0.3), Set.of("pop"), 0, 0);
        assertEquals(0.3, tainted.penalty(), 1e-12);
        assertTrue(tainted.total() < clean.total());
    }

    @Test
    void popularityOnlyBreaksNearTies() {
        var famousMismatch = MixScorer.score(BLUES_LITTLE_ROCK, Map.of("blues", 0.5, "rock", 0.5), Set.of(), 1000, 1000);
        var obscureMatch = MixScorer.score(BLUES_LITTLE_ROCK, BLUES_LITTLE_ROCK, Set.of(), 0, 1000);
        assertTrue(obscureMatch.total() > famousMismatch.total());
        var a = MixScorer.score(BLUES_LITTLE_ROCK, BLUES_LITTLE_ROCK, Set.of(), 10, 1000);
        var b = MixScorer.score(BLUES_LITTLE_ROCK, BLUES_LITTLE_ROCK, Set.of(), 100, 1000);
        assertTrue(b.total() > a.total());
    }

    @Test
    void whyListsQueryGenresFirstThenTheItemsOwn() {
        var why = MixScorer.why(BLUES_LITTLE_ROCK, Map.of("blues", 0.6, "soul", 0.4));
        assertEquals(List.of(new MixScorer.Why("blues", 0.8, 0.6), new MixScorer.Why("rock", 0.2, 0.0),
                new MixScorer.Why("soul", 0.0, 0.4)), why);
    }
}
