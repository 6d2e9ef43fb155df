package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.db.PgCopy;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Artist;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Playlist;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Song;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.vectors.SparseVector;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a {@link BuiltCatalogue} to PostgreSQL. Every phase is an upsert keyed by natural ids (song id,
 * artist name key, playlist source + index) or a replace inside one transaction, so re-running never
 * duplicates and an ingest killed at any point is repaired by the next run. Bulk data goes through COPY
 * into temp tables.
 */
public final class CatalogueWriter {

    static final int PLAYLIST_CHUNK = 5_000;

    private final DataSource dataSource;
    private final Consumer<String> progress;

    public CatalogueWriter(DataSource dataSource, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    /** Writes everything; returns the database artist id for every artist key. */
    public Map<String, Long> write(BuiltCatalogue catalogue) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            VocabularyWriter.write(c, catalogue.vocabulary(), catalogue.tags());
            c.commit();
            progress.accept("wrote " + catalogue.vocabulary().size() + " genres and " + catalogue.tags().size() + " tag mappings");
            Map<String, Long> artistIds = writeArtists(c, catalogue.artists());
            c.commit();
            progress.accept("wrote " + artistIds.size() + " artists");
            writeSongs(c, catalogue.songs(), artistIds);
            c.commit();
            progress.accept("wrote " + catalogue.songs().size() + " songs");
            writePlaylists(c, catalogue.playlists());
            removeStale(c, catalogue);
            c.commit();
            writeItemGenres(c, catalogue, artistIds);
            VocabularyWriter.dropStaleGenres(c, catalogue.vocabulary());
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // keyword search's distinct titles; concurrently, so searches keep reading the old ones meanwhile
                s.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY song_titles");
                // fresh statistics (with stale ones the planner seq-scans songs and playlist_songs in searches); the
                // vacuum also merges the GIN indexes' pending lists, which every full-text search otherwise scans
                // (2-4 ms per search here), and sets the visibility map that index-only scans need
                s.execute("VACUUM (ANALYZE) artists, songs, song_titles, playlists, playlist_songs, item_genres");
            }
            progress.accept("vacuumed and analyzed tables");
            return artistIds;
        }
    }

    private static Map<String, Long> writeArtists(Connection c, Map<String, Artist> artists) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE tmp_artists (name text, name_key text, hetrec_id int, song_count int, "
                    + "popularity double precision) ON COMMIT DROP");
            List<Object[]> rows = new ArrayList<>(artists.size());
            artists.values().forEach(a -> rows.add(new Object[]{a.name(), a.key(), a.hetrecId(), a.songCount(), a.popularity()}));
            PgCopy.copy(c, "tmp_artists", "name, name_key, hetrec_id, song_count, popularity", rows);
            s.execute("""
                    INSERT INTO artists (name, name_key, hetrec_id, song_count, popularity)
                    SELECT name, name_key, hetrec_id, song_count, popularity FROM tmp_artists
                    ON CONFLICT (name_key) DO UPDATE SET name = EXCLUDED.name, hetrec_id = EXCLUDED.hetrec_id,
                        song_count = EXCLUDED.song_count, popularity = EXCLUDED.popularity""");
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT a.id, a.name_key FROM artists a JOIN tmp_artists t USING (name_key)")) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void writeSongs(Connection c, List<Song> songs, Map<String, Long> artistIds) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE tmp_songs (id bigint, title text, artist_credit text, artist_id bigint, "
                    + "tags text[], popularity double precision) ON COMMIT DROP");
            List<Object[]> rows = new ArrayList<>(songs.size());
            songs.forEach(x -> rows.add(new Object[]{x.id(), x.title(), x.credit(), artistIds.get(x.artistKey()), x.tags(), x.popularity()}));
            PgCopy.copy(c, "tmp_songs", "id, title, artist_credit, artist_id, tags, popularity", rows);
            s.execute("""
                    INSERT INTO songs (id, title, artist_credit, artist_id, tags, popularity)
                    SELECT id, title, artist_credit, artist_id, tags, popularity FROM tmp_songs
                    ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, artist_credit = EXCLUDED.artist_credit,
                        artist_id = EXCLUDED.artist_id, tags = EXCLUDED.tags, popularity = EXCLUDED.popularity""");
        }
    }

    /** Per chunk, one transaction: delete the chunk's song lists, upsert the playlists, copy the new lists. */
    private void writePlaylists(Connection c, List<Playlist> playlists) throws SQLException {
        for (int from = 0; from < playlists.size(); from += PLAYLIST_CHUNK) {
            List<Playlist> chunk = playlists.subList(from, Math.min(playlists.size(), from + PLAYLIST_CHUNK));
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE tmp_playlists (id bigint, source text, source_index int, name text, "
                        + "song_count int, popularity double precision) ON COMMIT DROP");
                List<Object[]> rows = new ArrayList<>(chunk.size());
                List<Object[]> songRows = new ArrayList<>();
                for (Playlist p : chunk) {
                    rows.add(new Object[]{p.id(), p.source(), p.index(), p.name(), p.songIds().length, p.popularity()});
                    for (int i = 0; i < p.songIds().length; i++) {
                        songRows.add(new Object[]{p.id(), i, p.songIds()[i]});
                    }
                }
                PgCopy.copy(c, "tmp_playlists", "id, source, source_index, name, song_count, popularity", rows);
                s.execute("DELETE FROM playlist_songs WHERE playlist_id IN (SELECT id FROM tmp_playlists)");
                s.execute("""
                        INSERT INTO playlists (id, source, source_index, name, song_count, popularity)
                        SELECT id, source, source_index, name, song_count, popularity FROM tmp_playlists
                        ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, source_index = EXCLUDED.source_index,
                            name = EXCLUDED.name, song_count = EXCLUDED.song_count, popularity = EXCLUDED.popularity""");
                PgCopy.copy(c, "playlist_songs", "playlist_id, position, song_id", songRows);
            }
            c.commit();
            progress.accept("playlists " + Math.min(playlists.size(), from + PLAYLIST_CHUNK) + "/" + playlists.size());
        }
    }

    /** Items a previous ingest wrote that this one no longer has (different data dir) are removed. */
    private static void removeStale(Connection c, BuiltCatalogue catalogue) throws SQLException {
        deleteNotIn(c, "DELETE FROM playlists WHERE NOT (id = ANY (?))",
                catalogue.playlists().stream().map(Playlist::id).toArray());
        deleteNotIn(c, "DELETE FROM songs WHERE NOT (id = ANY (?))", catalogue.songs().stream().map(Song::id).toArray());
        deleteNotIn(c, "DELETE FROM artists WHERE NOT (name_key = ANY (?))", catalogue.artists().keySet().toArray());
    }

    private static void deleteNotIn(Connection c, String sql, Object[] keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf(keep.length > 0 && keep[0] instanceof String ? "text" : "bigint", keep));
            ps.executeUpdate();
        }
    }

    /** Replaces all genre vectors in one transaction (readers see the old or the new set, never a mix). */
    private void writeItemGenres(Connection c, BuiltCatalogue catalogue, Map<String, Long> artistIds) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        catalogue.songs().forEach(s -> addVector(rows, ItemType.SONG, s.id(), s.genres()));
        catalogue.artists().values().forEach(a -> addVector(rows, ItemType.ARTIST, artistIds.get(a.key()), a.genres()));
        catalogue.playlists().forEach(p -> addVector(rows, ItemType.PLAYLIST, p.id(), p.genres()));
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM item_genres");
        }
        PgCopy.copy(c, "item_genres", "item_type, item_id, genre, weight", rows);
        progress.accept("wrote " + rows.size() + " item genre weights");
    }

    private static void addVector(List<Object[]> rows, ItemType type, long id, SparseVector v) {
        for (GenreWeight w : v.entries()) {
            rows.add(new Object[]{type.code(), id, w.genre(), (float) w.weight()});
        }
    }
}
