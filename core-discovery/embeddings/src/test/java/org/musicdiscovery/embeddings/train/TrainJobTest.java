package org.musicdiscovery.embeddings.train;

import org.musicdiscovery.catalogue.db.TestNamespace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.ingest.IngestJob;
import org.musicdiscovery.embeddings.io.VectorFiles;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on the catalogue module's committed fixture, ingested into the real PostgreSQL under a database no
 * running stack uses ({@code discovery_embeddings_test}, Redis db 12): the written files map back to catalogue ids.
 */
class TrainJobTest {

    static final Database DB = new Database(TestNamespace.db("discovery_embeddings_test"), "postgres", "");
    static final Path FIXTURE = Path.of("..", "catalogue", "src", "test", "resources", "fixture").toAbsolutePath().normalize();
    static final TrainParams PARAMS = new TrainParams(8, 3, 1, 3, 3, 0, 0.025, 1e-4, 9L, 1);

    @TempDir
    static Path out;

    @BeforeAll
    static void ingestAndTrain() throws Exception {
        new IngestJob(DB, URI.create(TestNamespace.redis(12)), FIXTURE, out.resolve("catalogue"), m -> { }).run();
        new TrainJob(DB.dataSource(), FIXTURE.resolve("lastfm-hetrec-2k"), out, m -> { }).run(PARAMS);
    }

    static Set<Long> ids(String sql) throws Exception {
        DataSource ds = DB.dataSource();
        Set<Long> ids = new HashSet<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void songVectorsCoverEveryPlaylistSongWithCatalogueIds() throws Exception {
        List<VectorFiles.Item> songs = VectorFiles.read(out.resolve("song-vectors.tsv"), out.resolve("song-mapping.tsv"));
        Set<Long> written = new HashSet<>(songs.stream().map(VectorFiles.Item::id).toList());
        assertEquals(ids("SELECT DISTINCT song_id FROM playlist_songs"), written); // min count 1: all of them
        songs.forEach(s -> assertEquals('s', s.type()));
        songs.forEach(s -> assertEquals(PARAMS.dim(), s.vector().length));
    }

    @Test
    void artistVectorsAreCatalogueArtistsOnly() throws Exception {
        List<VectorFiles.Item> artists = VectorFiles.read(out.resolve("artist-vectors.tsv"), out.resolve("artist-mapping.tsv"));
        assertTrue(!artists.isEmpty());
        Set<Long> catalogue = ids("SELECT id FROM artists");
        artists.forEach(a -> assertTrue(catalogue.contains(a.id()), "artist " + a.id()));
        // every artist of a playlist song is there (playlists are artist sentences too)
        Set<Long> written = new HashSet<>(artists.stream().map(VectorFiles.Item::id).toList());
        assertTrue(written.containsAll(ids("SELECT DISTINCT s.artist_id FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id"
                + " WHERE ps.playlist_id IN (SELECT playlist_id FROM playlist_songs ps2 JOIN songs s2 ON s2.id = ps2.song_id"
                + " GROUP BY playlist_id HAVING count(DISTINCT s2.artist_id) > 1)")));
    }

    @Test
    void theCollectionFileIsSongsThenArtistsWithDenseVids() throws Exception {
        List<VectorFiles.Item> songs = VectorFiles.read(out.resolve("song-vectors.tsv"), out.resolve("song-mapping.tsv"));
        List<VectorFiles.Item> artists = VectorFiles.read(out.resolve("artist-vectors.tsv"), out.resolve("artist-mapping.tsv"));
        List<VectorFiles.Item> both = VectorFiles.read(out.resolve("embedding-vectors.tsv"), out.resolve("embedding-mapping.tsv"));
        assertEquals(songs.size() + artists.size(), both.size());
        IntStream.range(0, songs.size()).forEach(i -> assertEquals(songs.get(i).id(), both.get(i).id()));
        assertEquals('a', both.getLast().type());
        assertEquals(artists.getLast().id(), both.getLast().id());
    }

    @Test
    void sidecarRecordsParametersAndSizes() throws Exception {
        JsonNode meta = new ObjectMapper().readTree(Files.readString(out.resolve(TrainJob.PARAMS_FILE)));
        assertEquals(PARAMS.seed(), meta.at("/params/seed").asLong());
        assertEquals(PARAMS.dim(), meta.at("/params/dim").asInt());
        assertEquals(1, meta.at("/params/workers").asInt());
        int songLines = Files.readAllLines(out.resolve("song-mapping.tsv")).size();
        assertEquals(songLines, meta.at("/songs/exported").asInt());
        assertEquals(ids("SELECT id FROM playlists").size(), meta.at("/songs/sentences").asInt());
        assertTrue(meta.at("/artists/hetrecUsers").asInt() > 0);
    }
}
