package org.musicdiscovery.catalogue.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.TestStack;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordSearchTest {

    /** Adele's songs in the fixture: 0, 1, 2 (in playlists), 17, 20. */
    private static final Set<Long> ADELE_SONGS = Set.of(0L, 1L, 2L, 17L, 20L);

    private static KeywordSearch search;

    @BeforeAll
    static void ingest() throws Exception {
        TestStack.fixtureIngested();
        search = new KeywordSearch(TestStack.dataSource());
    }

    private static List<Long> ids(List<KeywordHit> hits, ItemType type) {
        return hits.stream().filter(h -> h.ref().type() == type).map(h -> h.ref().id()).toList();
    }

    @Test
    void adeleFindsHerSongsHerPlaylistsAndHer() {
        List<KeywordHit> hits = search.search("adele", Optional.empty(), 50);
        assertEquals(ADELE_SONGS, Set.copyOf(ids(hits, ItemType.SONG)));
        List<Long> playlists = ids(hits, ItemType.PLAYLIST);
        assertEquals(Set.of(1_000_001L, 1_000_005L, 2_000_002L), Set.copyOf(playlists));
        assertEquals(2_000_002L, playlists.getLast(), "the playlist with one Adele song ranks below those with two");
        assertEquals(1, ids(hits, ItemType.ARTIST).size());
        assertEquals(ItemType.ARTIST, hits.getFirst().ref().type(), "the exact artist match comes first");
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
    }

    @Test
    void anyTypeKeepsRoomForEveryTypeThatMatched() {
        List<KeywordHit> hits = search.search("adele", Optional.empty(), 5);
        assertEquals(5, hits.size());
        assertTrue(ids(hits, ItemType.PLAYLIST).size() >= 1, "a playlist holding Adele songs makes the first five");
        assertTrue(ids(hits, ItemType.ARTIST).size() == 1);
    }

    @Test
    void typosAreTolerated() {
        List<KeywordHit> hits = search.search("adelle", Optional.empty(), 50);
        assertTrue(Set.copyOf(ids(hits, ItemType.SONG)).containsAll(ADELE_SONGS));
        assertEquals(1, ids(hits, ItemType.ARTIST).size());
        assertTrue(ids(search.search("rolling in the dep", Optional.of(ItemType.SONG), 5), ItemType.SONG).contains(0L));
    }

    @Test
    void aTitleTypedExactlyBringsNoTrigramNeighbours() throws Exception {
        // "Love Songs" (trigram similarity 0.75 to "love song") exists only inside this transaction
        try (Connection c = TestStack.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO songs (id, title, artist_credit, artist_id)"
                        + " SELECT 900, 'Love Songs', 'Adele', artist_id FROM songs WHERE id = 20");
                st.execute("REFRESH MATERIALIZED VIEW song_titles");
                KeywordSearch inTransaction = new KeywordSearch(oneConnection(c));
                assertEquals(List.of(20L), ids(inTransaction.search("Love Song", Optional.of(ItemType.SONG), 10), ItemType.SONG),
                        "the exact title alone: its neighbour shares no word with it");
                assertEquals(List.of(20L, 900L), ids(inTransaction.search("love snog", Optional.of(ItemType.SONG), 10), ItemType.SONG),
                        "a typo still finds both, the closer first");
                assertTrue(inTransaction.search("- / !", Optional.empty(), 10).isEmpty(), "no trigrams, no index scan of everything");
            } finally {
                c.rollback();
            }
        }
    }

    /** A DataSource handing out one open connection (closing it is the caller's business). */
    private static DataSource oneConnection(Connection c) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(c, args));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void titleWordsAndTypeFilter() {
        List<KeywordHit> hits = search.search("wonderwall", Optional.of(ItemType.SONG), 10);
        assertEquals(9L, hits.getFirst().ref().id());
        assertTrue(hits.stream().allMatch(h -> h.ref().type() == ItemType.SONG));
        List<KeywordHit> playlists = search.search("adele", Optional.of(ItemType.PLAYLIST), 2);
        assertEquals(2, playlists.size());
        assertTrue(playlists.stream().allMatch(h -> h.ref().type() == ItemType.PLAYLIST));
    }

    @Test
    void playlistNamesAreSearchableToo() {
        Set<ItemRef> refs = search.search("funk", Optional.of(ItemType.PLAYLIST), 10).stream()
                .map(KeywordHit::ref).collect(Collectors.toSet());
        assertTrue(refs.contains(ItemRef.playlist(1_000_000)));
    }

    @Test
    void hostileTextIsJustText() throws Exception {
        assertTrue(search.search("'; DROP TABLE songs; --", Optional.empty(), 10).stream()
                .noneMatch(h -> h.ref().type() == ItemType.ARTIST), "no artist is named like SQL");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> search.search("\" OR 1=1 \\ %_ :* & | !", Optional.empty(), 10));
        assertEquals(21, CatalogueStats.query(TestStack.dataSource()).songs());
        assertTrue(search.search("zzqxj", Optional.empty(), 10).isEmpty());
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> search.search("  ", Optional.empty(), 10));
        assertThrows(IllegalArgumentException.class, () -> search.search("x".repeat(201), Optional.empty(), 10));
        assertThrows(IllegalArgumentException.class, () -> search.search("adele", Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class, () -> search.search("adele", Optional.empty(), 501));
    }
}
