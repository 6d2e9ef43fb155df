package org.musicdiscovery.core.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.core.aggregate.Candidate;
import org.musicdiscovery.core.score.Ranker.Ranked;

class RankerTest {
    static final List<String> GENRES = List.of("blues", "rock", "soul", "funk", "jazz");

    static ParsedQuery genreQuery(Map<String, Double> mix, List<String> excluded) {
        return new ParsedQuery(ParsedQuery.Mode.genre, null, mix, excluded, List.of(), null, null);
    }

    static EntityDetail song(long id, String title, String artist, double popularity, Map<String, Double> mix) {
        List<GenreWeight> genres = new ArrayList<>();
        mix.forEach((g, w) -> genres.add(new GenreWeight(g, w)));
        return new EntityDetail(ItemRef.song(id), title, artist, 1L, genres, 1, popularity);
    }

    /** A candidate as vector-search sends it: its mix and its facts. */
    static Candidate withFacts(EntityDetail d) {
        return new Candidate(d.ref(), Ranker.mixOf(d), 0, 0, Set.of("vector"), Candidate.Facts.of(d));
    }

    /** The same candidate from a source that knows only the item (keyword search): details fill in the rest. */
    static Candidate bare(EntityDetail d) {
        return new Candidate(d.ref(), null, 0, 0, Set.of("keyword"));
    }

    static Map<String, Double> randomMix(Random r) {
        Map<String, Double> mix = new HashMap<>();
        double sum = 0;
        for (String g : GENRES) {
            if (r.nextInt(3) == 0) {
                double w = r.nextDouble();
                mix.put(g, w);
                sum += w;
            }
        }
        if (mix.isEmpty()) {
            return Map.of(GENRES.get(r.nextInt(GENRES.size())), 1.0);
        }
        double total = sum;
        mix.replaceAll((g, w) -> w / total);
        return mix;
    }

    @Test
    void factsSentWithTheCandidateRankExactlyAsTheDetailsWould() {
        Random r = new Random(7);
        List<EntityDetail> details = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            details.add(song(i, "Song " + (i % 150), "Artist " + (i % 40), r.nextInt(500), randomMix(r)));
        }
        Map<ItemRef, EntityDetail> byRef = new HashMap<>();
        details.forEach(d -> byRef.put(d.ref(), d));
        ParsedQuery q = genreQuery(Map.of("blues", 0.7, "rock", 0.3), List.of("jazz"));

        List<Ranked> fromFacts = Ranker.rank(q, details.stream().map(RankerTest::withFacts).toList(), Map.of());
        List<Ranked> fromDetails = Ranker.rank(q, details.stream().map(RankerTest::bare).toList(), byRef);
        assertEquals(200, fromFacts.size());
        assertEquals(fromDetails.size(), fromFacts.size());
        for (int i = 0; i < fromFacts.size(); i++) {
            Ranked a = fromFacts.get(i);
            Ranked b = fromDetails.get(i);
            assertEquals(b.candidate().ref(), a.candidate().ref(), "rank " + i);
            assertEquals(b.total(), a.total(), 1e-12, "rank " + i);
            assertEquals(b.duplicate(), a.duplicate(), "rank " + i);
        }
    }

    @Test
    void itemsWithNeitherFactsNorDetailsAreLeftOutAndDoNotSetThePopularityScale() {
        EntityDetail known = song(1, "Known", "A", 10, Map.of("blues", 1.0));
        EntityDetail gone = song(2, "Gone", "B", 1_000_000, Map.of("blues", 1.0));
        ParsedQuery q = genreQuery(Map.of("blues", 1.0), List.of());
        List<Ranked> ranked = Ranker.rank(q, List.of(bare(known), bare(gone)), Map.of(known.ref(), known));
        assertEquals(1, ranked.size());
        assertEquals(known.ref(), ranked.getFirst().candidate().ref());
        // the only popularity seen is the scale: the known item gets the whole prior
        double alone = MixScorer.score(Map.of("blues", 1.0), Map.of("blues", 1.0), Set.of(), 10, 10).total();
        assertEquals(alone, ranked.getFirst().total(), 1e-12);
    }

    @Test
    void mixedSourcesShareOnePopularityScale() {
        EntityDetail a = song(1, "A", "X", 100, Map.of("soul", 1.0));
        EntityDetail b = song(2, "B", "Y", 50, Map.of("soul", 1.0));
        ParsedQuery q = genreQuery(Map.of("soul", 1.0), List.of());
        List<Ranked> ranked = Ranker.rank(q, List.of(bare(b), withFacts(a)), Map.of(b.ref(), b));
        assertEquals(List.of(a.ref(), b.ref()), ranked.stream().map(x -> x.candidate().ref()).toList(),
                "equal mixes: the popular one first");
        double half = MixScorer.score(Map.of("soul", 1.0), Map.of("soul", 1.0), Set.of(), 50, 100).total();
        assertEquals(half, ranked.get(1).total(), 1e-12, "scaled by the facts' popularity, not only the details'");
    }

    @Test
    void tiesAreOrderedByTypeThenIdWhateverOrderTheyCameIn() {
        Map<String, Double> soul = Map.of("soul", 1.0);
        List<Candidate> tied = new ArrayList<>();
        for (long id : new long[] {10, 9, 100}) {
            tied.add(withFacts(song(id, "t" + id, "a", 0, soul)));
        }
        tied.add(new Candidate(ItemRef.playlist(1), soul, 0, 0, Set.of("vector"), new Candidate.Facts(0, 0)));
        tied.add(withFacts(song(5, "best", "b", 0, Map.of("soul", 0.9, "funk", 0.1))));
        for (long seed = 0; seed < 5; seed++) {
            List<Candidate> shuffled = new ArrayList<>(tied);
            java.util.Collections.shuffle(shuffled, new Random(seed));
            List<String> order = Ranker.rank(genreQuery(soul, List.of()), shuffled, Map.of()).stream()
                    .map(r -> r.candidate().ref().toString()).toList();
            // numeric ids: the printed refs' order would put s:10 and s:100 before s:9
            assertEquals(List.of("s:9", "s:10", "s:100", "p:1", "s:5"), order, "seed " + seed);
        }
    }
}
