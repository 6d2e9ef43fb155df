package org.musicdiscovery.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.core.aggregate.Candidate;
import org.musicdiscovery.core.score.Ranker;
import org.musicdiscovery.core.score.Ranker.Ranked;

/** Filtering after ranking, with candidates as vector-search sends them (facts) and as details describe them. */
class ResultFilterTest {
    static final ParsedQuery ROCK = new ParsedQuery(ParsedQuery.Mode.genre, null, Map.of("rock", 1.0), List.of(),
            List.of(), null, null);

    private final List<EntityDetail> details = new ArrayList<>();

    private EntityDetail add(ItemRef ref, String title, String artist, double popularity, Map<String, Double> mix) {
        List<GenreWeight> genres = new ArrayList<>();
        mix.forEach((g, w) -> genres.add(new GenreWeight(g, w)));
        var d = new EntityDetail(ref, title, artist, artist == null ? null : 1L, genres, 1, popularity);
        details.add(d);
        return d;
    }

    private EntityDetail song(long id, String title, String artist, double popularity) {
        return add(ItemRef.song(id), title, artist, popularity, Map.of("rock", 1.0));
    }

    /** Ranked twice over: every candidate with facts, and every candidate read from its details. */
    private List<List<Ranked>> rankedBothWays() {
        List<Candidate> withFacts = new ArrayList<>();
        List<Candidate> bare = new ArrayList<>();
        Map<ItemRef, EntityDetail> byRef = new HashMap<>();
        for (EntityDetail d : details) {
            withFacts.add(new Candidate(d.ref(), Ranker.mixOf(d), 0, 0, Set.of("vector"), Candidate.Facts.of(d)));
            bare.add(new Candidate(d.ref(), null, 0, 0, Set.of("keyword")));
            byRef.put(d.ref(), d);
        }
        return List.of(Ranker.rank(ROCK, withFacts, Map.of()), Ranker.rank(ROCK, bare, byRef));
    }

    private static List<ItemRef> refs(List<Ranked> kept) {
        return kept.stream().map(r -> r.candidate().ref()).toList();
    }

    @Test
    void laterVersionsOfASongGoTheMostPopularStays() {
        var jude = song(1, "Hey Jude", "The Beatles", 90);
        song(2, "Hey Jude (Remastered 2015)", "The Beatles", 50);
        song(3, "Hey Jude - Live", "Beatles", 40);
        var aston = song(4, "Aston Martin Music", "Rick Ross", 80);
        song(5, "Aston Martin Music (w/ Drake & Chrisette Michelle)", "Rick Ross", 30);
        var halo = song(6, "Halo", "Beyoncé", 70);
        song(7, "HALO (Radio Edit)", "Beyonce", 20);
        var hello = song(8, "Hello", "Adele", 60);
        var otherHello = song(9, "Hello", "Lionel Richie", 10);
        for (List<Ranked> ranked : rankedBothWays()) {
            assertEquals(9, ranked.size());
            List<Ranked> kept = ResultFilter.apply(ranked, Optional.empty(), Set.of(), Set.of());
            assertEquals(List.of(jude.ref(), aston.ref(), halo.ref(), hello.ref(), otherHello.ref()), refs(kept));
        }
    }

    @Test
    void playlistsAndArtistsAreNeverDuplicatesOfEachOther() {
        add(ItemRef.playlist(1), "Rock Hits", null, 5, Map.of("rock", 1.0));
        add(ItemRef.playlist(2), "Rock Hits", null, 4, Map.of("rock", 1.0));
        add(ItemRef.artist(3), "Rock Hits", null, 3, Map.of("rock", 1.0));
        for (List<Ranked> ranked : rankedBothWays()) {
            assertEquals(3, ResultFilter.apply(ranked, Optional.empty(), Set.of(), Set.of()).size());
        }
    }

    @Test
    void excludedGenresTypesAndSeedsAreRemoved() {
        var pure = song(1, "Pure", "A", 10);
        add(ItemRef.song(2), "Mostly Jazz", "B", 9, Map.of("rock", 0.7, "jazz", 0.3));
        var little = add(ItemRef.song(3), "A Little Jazz", "C", 8, Map.of("rock", 0.8, "jazz", 0.2));
        var playlist = add(ItemRef.playlist(4), "Rock List", null, 7, Map.of("rock", 1.0));
        for (List<Ranked> ranked : rankedBothWays()) {
            assertEquals(Set.of(pure.ref(), little.ref(), playlist.ref()),
                    Set.copyOf(refs(ResultFilter.apply(ranked, Optional.empty(), Set.of("jazz"), Set.of()))),
                    "a share of " + ResultFilter.EXCLUDED_SHARE_LIMIT + " or more of an excluded genre drops it");
            assertEquals(List.of(playlist.ref()),
                    refs(ResultFilter.apply(ranked, Optional.of(ItemType.PLAYLIST), Set.of(), Set.of())));
            assertEquals(3, ResultFilter.apply(ranked, Optional.empty(), Set.of(), Set.of(pure.ref())).size(),
                    "the similarity seed is not its own result");
        }
    }
}
