package org.musicdiscovery.catalogue.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.Fixture;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.GenreSource;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Playlist;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Song;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueBuilderTest {

    private static BuiltCatalogue built;

    @BeforeAll
    static void build() {
        built = new CatalogueBuilder(Fixture.dir(), m -> { }).build();
    }

    private static Song song(long id) {
        return built.songs().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static Playlist playlist(long id) {
        return built.playlists().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Test
    void countsOfTheFixture() {
        assertEquals(21, built.songs().size());
        assertEquals(15, built.artists().size());
        assertEquals(9, built.playlistsRead());
        assertEquals(7, built.playlists().size());
    }

    @Test
    void primaryArtistIsParsedOnlyWhenTheFirstNameStandsAlone() {
        assertEquals("jay z", song(13).artistKey(), "Jay-Z & Alicia Keys -> Jay-Z, who has solo songs");
        assertEquals("simon and garfunkel", song(15).artistKey(), "a duo stays whole");
        assertEquals(2, built.artists().get("jay z").songCount());
    }

    @Test
    void playlistsMapByNormalisedTitleAndArtist() {
        assertArrayEquals(new long[]{4, 6, 5, 7}, playlist(1_000_000).songIds());
        assertArrayEquals(new long[]{1, 0, 4}, playlist(1_000_001).songIds(), "'ROLLING IN THE DEEP' by 'adele' maps to song 0");
        assertArrayEquals(new long[]{2, 11, 10}, playlist(2_000_002).songIds(), "AC\\/DC matches AC/DC across folders");
        assertTrue(built.playlists().stream().noneMatch(p -> p.id() == 1_000_002 || p.id() == 1_000_003),
                "playlists with fewer than two mapped songs are dropped");
    }

    @Test
    void playlistNamesComeFromDominantGenresAndArtists() {
        assertEquals("Soul & Funk · Aretha Franklin, James Brown", playlist(1_000_000).name());
    }

    @Test
    void popularityCountsPlaylistsContainingTheSong() {
        assertEquals(2, song(0).popularity());
        assertEquals(1, song(2).popularity());
        assertEquals(0, song(17).popularity());
        assertEquals(5.0, built.artists().get("adele").popularity());
    }

    @Test
    void genreVectorsComeFromTagsHetrecOrTheArtist() {
        assertEquals(GenreSource.TAGS, song(0).genreSource());
        assertEquals(0.5, song(0).genres().weight("pop"), 1e-9);
        assertEquals(0.5, song(0).genres().weight("soul"), 1e-9);
        assertEquals(GenreSource.HETREC, built.artists().get("adele").genreSource());
        assertEquals(2.0 / 3, built.artists().get("adele").genres().weight("soul"), 1e-9);
        assertEquals(GenreSource.ARTIST, song(17).genreSource(), "untagged Skyfall borrows Adele's mix");
        assertEquals(GenreSource.ARTIST, song(20).genreSource(), "only stop-list tags");
        assertEquals(GenreSource.NONE, song(19).genreSource());
        assertEquals(GenreSource.SONGS, built.artists().get("james brown").genreSource());
    }

    @Test
    void everyNonEmptyVectorSumsToOne() {
        List<Double> sums = new java.util.ArrayList<>();
        built.songs().forEach(s -> { if (!s.genres().isEmpty()) sums.add(s.genres().sum()); });
        built.artists().values().forEach(a -> { if (!a.genres().isEmpty()) sums.add(a.genres().sum()); });
        built.playlists().forEach(p -> sums.add(p.genres().sum()));
        assertTrue(sums.size() > 40);
        sums.forEach(s -> assertEquals(1.0, s, 1e-9));
    }

    @Test
    void tagTableRecordsEveryTagWithItsRuleAndUses() {
        var rnb = built.tags().stream().filter(t -> t.tag().equals("rnb")).findFirst().orElseThrow();
        assertEquals("rhythm and blues", rnb.genre());
        assertEquals("ALIAS", rnb.rule());
        assertEquals(6, rnb.uses(), "4 tagged songs + 2 HetRec votes");
        assertTrue(built.tags().stream().anyMatch(t -> t.tag().equals("favorites") && t.genre() == null && t.rule().equals("STOP")));
        assertTrue(built.tags().stream().anyMatch(t -> t.tag().equals("rock en español") && t.rule().equals("UNMAPPED")));
    }
}
