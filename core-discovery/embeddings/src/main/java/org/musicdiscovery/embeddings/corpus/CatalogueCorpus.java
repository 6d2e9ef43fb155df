package org.musicdiscovery.embeddings.corpus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training sentences and evaluation facts read from the ingested catalogue (PostgreSQL, schema in
 * docs/catalogue.md). Song and artist tokens are the catalogue ids as decimal strings, so the trained vocabulary
 * maps back to catalogue items without a lookup table.
 */
public final class CatalogueCorpus {

    private final DataSource db;

    public CatalogueCorpus(DataSource db) {
        this.db = db;
    }

    /** One sentence per playlist: its song ids in playlist order. */
    public List<List<String>> songSentences() throws SQLException {
        return grouped("SELECT ps.playlist_id, ps.song_id FROM playlist_songs ps ORDER BY ps.playlist_id, ps.position");
    }

    /**
     * One sentence per playlist: the primary artist of each song in order, with immediate repeats collapsed (a
     * run of one artist's songs says nothing about that artist's neighbours and would only inflate its frequency).
     */
    public List<List<String>> artistPlaylistSentences() throws SQLException {
        List<List<String>> out = new ArrayList<>();
        for (List<String> s : grouped("SELECT ps.playlist_id, s.artist_id FROM playlist_songs ps JOIN songs s ON s.id = ps.song_id"
                + " WHERE s.artist_id IS NOT NULL ORDER BY ps.playlist_id, ps.position")) {
            List<String> collapsed = new ArrayList<>(s.size());
            for (String a : s) {
                if (collapsed.isEmpty() || !collapsed.getLast().equals(a)) {
                    collapsed.add(a);
                }
            }
            out.add(collapsed);
        }
        return out;
    }

    /** Catalogue artist id by {@code name_key} (the catalogue's {@code TextKey} of the name). */
    public Map<String, Long> artistIdsByKey() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        query("SELECT name_key, id FROM artists", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Each item's heaviest genre (ties by name) for {@code itemType} 's' or 'a'; items without genres are absent. */
    public Map<String, String> topGenres(char itemType) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (itemType != 's' && itemType != 'a' && itemType != 'p') {
            throw new IllegalArgumentException("item type must be s, a or p: " + itemType);
        }
        query("SELECT DISTINCT ON (item_id) item_id, genre FROM item_genres WHERE item_type = '" + itemType
                + "' ORDER BY item_id, weight DESC, genre", rs -> out.put(Long.toString(rs.getLong(1)), rs.getString(2)));
        return out;
    }

    /** Display labels for evaluation output: "title — credit" for songs, the name for artists. */
    public Map<String, String> labels(char itemType) throws SQLException {
        Map<String, String> out = new HashMap<>();
        String sql = itemType == 's' ? "SELECT id, title || ' — ' || artist_credit FROM songs" : "SELECT id, name FROM artists";
        query(sql, rs -> out.put(Long.toString(rs.getLong(1)), rs.getString(2)));
        return out;
    }

    /** The most popular song whose title is {@code title} (case-insensitive), as a token; null when none. */
    public String songByTitle(String title) throws SQLException {
        return single("SELECT id FROM songs WHERE lower(title) = lower(?) ORDER BY popularity DESC, id LIMIT 1", title);
    }

    /** The artist whose name key is the key of {@code name}, as a token; null when none. */
    public String artistByKey(String nameKey) throws SQLException {
        return single("SELECT id FROM artists WHERE name_key = ? LIMIT 1", nameKey);
    }

    private String single(String sql, String arg) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.toString(rs.getLong(1)) : null;
            }
        }
    }

    /** Rows of (group id, token) ordered by group become one list per group. */
    private List<List<String>> grouped(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        long[] current = {Long.MIN_VALUE};
        query(sql, rs -> {
            long group = rs.getLong(1);
            if (group != current[0] || out.isEmpty()) {
                out.add(new ArrayList<>());
                current[0] = group;
            }
            out.getLast().add(Long.toString(rs.getLong(2)));
        });
        return out;
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // lets the driver stream with a fetch size instead of buffering every row
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.accept(rs);
                    }
                }
            }
            c.commit();
        }
    }
}
