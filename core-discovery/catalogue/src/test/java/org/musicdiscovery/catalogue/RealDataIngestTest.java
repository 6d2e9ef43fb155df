package org.musicdiscovery.catalogue;

import org.musicdiscovery.catalogue.db.TestNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.ingest.IngestJob;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.source.DataDir;
import org.musicdiscovery.catalogue.store.CatalogueDetails;
import org.musicdiscovery.catalogue.store.KeywordHit;
import org.musicdiscovery.catalogue.store.KeywordSearch;

import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full ingest of the real ../shared/data (opt-in: {@code -Ddiscovery.realdata=true}; about 30 s) into its own
 * database and Redis db 14, so neither the fixture tests nor a running stack are touched.
 */
@EnabledIfSystemProperty(named = "discovery.realdata", matches = "true")
class RealDataIngestTest {

    @Test
    void everyHandWrittenAliasResolvesInTheRealVocabulary() {
        var vocabulary = org.musicdiscovery.catalogue.genre.GenreVocabulary.load(DataDir.require(null));
        assertEquals(List.of(), vocabulary.unresolvedAliases());
        assertEquals(Optional.of("rhythm and blues"), vocabulary.canonical("R&B"));
        assertTrue(vocabulary.size() > 1_000);
    }

    @Test
    void fullIngestOfTheRealData() throws Exception {
        Database db = new Database(TestNamespace.db("discovery_realdata_test"), "postgres", "");
        IngestJob.Result r = new IngestJob(db, URI.create(TestNamespace.redis(14)), DataDir.require(null),
                Files.createTempDirectory("catalogue-real"), System.err::println).run();
        System.err.print(r.stats().toText());
        assertEquals(75_262, r.stats().songs());
        assertTrue(r.stats().playlists() > 30_000, "playlists " + r.stats().playlists());
        assertTrue(r.stats().artists() > 10_000, "artists " + r.stats().artists());
        assertTrue(r.stats().genresUsed() > 100, "genres used " + r.stats().genresUsed());
        assertTrue(r.stats().multiGenre().get("s") > 30_000, "songs with >= 2 genres");

        List<KeywordHit> hits = new KeywordSearch(db.dataSource()).search("adele", Optional.empty(), 20);
        var details = new CatalogueDetails(db.dataSource()).load(hits.stream().map(KeywordHit::ref).toList());
        List<String> songArtists = hits.stream().filter(h -> h.ref().type() == ItemType.SONG)
                .map(h -> details.get(h.ref()).artistName()).toList();
        assertFalse(songArtists.isEmpty());
        assertTrue(songArtists.stream().allMatch("Adele"::equals), songArtists.toString());
        long playlist = hits.stream().filter(h -> h.ref().type() == ItemType.PLAYLIST).findFirst().orElseThrow().ref().id();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id WHERE ps.playlist_id = ? AND s.artist_credit = 'Adele'")) {
            ps.setLong(1, playlist);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1, "the top playlist holds an Adele song");
            }
        }
    }
}
