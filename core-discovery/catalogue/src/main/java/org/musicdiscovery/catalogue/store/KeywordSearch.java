package org.musicdiscovery.catalogue.store;

import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.catalogue.model.TextKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keyword search over the catalogue in one SQL statement: PostgreSQL full text (GIN on tsvector columns)
 * plus pg_trgm similarity for typos ("adelle" finds Adele).
 * <ul>
 *   <li>songs: full-text match on title + credited artist, songs of artists whose name is trigram-similar to
 *       the query, and trigram-similar titles (matched once per distinct title, in {@code song_titles});</li>
 *   <li>artists: full-text or trigram match on the name;</li>
 *   <li>playlists: ranked by how many of the matching songs (score &ge; 0.45) they hold (their generated names may not mention
 *       the artist), with a small bonus when the name matches too.</li>
 * </ul>
 * Only bind parameters reach the SQL, so the text cannot inject anything.
 */
public final class KeywordSearch {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_LIMIT = 500;
    /** Songs below this score are too weak to make a playlist relevant. */
    static final double PLAYLIST_SONG_MIN_SCORE = 0.45;
    /** pg_trgm's default 0.3 makes the trigram indexes recheck thousands of rows for short words. */
    static final double TRIGRAM_THRESHOLD = 0.4;

    private static final String SQL = """
            WITH q AS (SELECT websearch_to_tsquery('simple', ?) AS tq, lower(?) AS t),
            -- trigram matching is there for typos. It is skipped when the text names a song title or an artist
            -- exactly (their near neighbours would only be noise, and the trigram rechecks are most of a query's
            -- cost: a title of common words shares trigrams with thousands) and when the text has no letter or
            -- digit (no trigrams: the trigram indexes would scan all their entries to find nothing)
            fuzzy AS (SELECT ?::boolean AND NOT EXISTS (SELECT 1 FROM song_titles st, q WHERE st.t = q.t)
                      AND NOT EXISTS (SELECT 1 FROM artists WHERE name_key = ?) AS wanted),
            artist_match AS (
                SELECT a.id, 0.6 + 0.4 * similarity(lower(a.name), q.t) AS score, a.popularity
                FROM artists a, q WHERE a.search @@ q.tq
                UNION ALL
                SELECT a.id, similarity(lower(a.name), q.t), a.popularity FROM artists a, q
                WHERE lower(a.name) % q.t AND (SELECT wanted FROM fuzzy)),
            artist_hits AS (
                SELECT id, max(score) AS score, max(popularity) AS popularity FROM artist_match GROUP BY id),
            top_artists AS (SELECT id, score FROM artist_hits ORDER BY score DESC, id LIMIT 20),
            fts_songs AS MATERIALIZED (
                SELECT s.id, 0.6 + 0.4 * ts_rank(s.search, q.tq, 32) AS score, s.popularity
                FROM songs s, q WHERE s.search @@ q.tq),
            -- titles are matched beyond their words only when the words found little (typos are the case to serve)
            few_words AS (SELECT count(*) < 50 AS few FROM (SELECT 1 FROM fts_songs LIMIT 50) f),
            song_hits AS (
                SELECT id, score, popularity FROM fts_songs
                UNION ALL
                SELECT s.id, 0.95 * ta.score, s.popularity FROM songs s JOIN top_artists ta ON s.artist_id = ta.id
                UNION ALL
                -- each distinct title is compared once (song_titles, Flyway V3); a title typed exactly scores what
                -- the trigram branch gives it (similarity 1), from the b-tree
                SELECT s.id, 0.8 * similarity(st.t, q.t), s.popularity
                FROM q, song_titles st JOIN songs s ON lower(s.title) = st.t
                WHERE st.t % q.t AND (SELECT wanted FROM fuzzy) AND (SELECT few FROM few_words)
                UNION ALL
                SELECT s.id, 0.8, s.popularity FROM q JOIN songs s ON lower(s.title) = q.t
                WHERE (SELECT few FROM few_words)),
            songs_best AS (
                SELECT id, max(score) AS score, max(popularity) AS popularity FROM song_hits
                GROUP BY id ORDER BY max(score) DESC, id LIMIT 500),
            playlist_hits AS (
                SELECT id, sum(c) AS c, max(n) AS n FROM (
                    SELECT ps.playlist_id AS id, count(DISTINCT ps.song_id) AS c, 0 AS n
                    FROM playlist_songs ps JOIN songs_best sb ON sb.id = ps.song_id
                    WHERE sb.score >= ? GROUP BY ps.playlist_id
                    UNION ALL
                    SELECT p.id, 0, 1 FROM playlists p, q WHERE p.search @@ q.tq) x
                GROUP BY id),
            top_playlists AS (
                SELECT id, 0.85 * c / (c + 2.0) + 0.1 * n AS score FROM playlist_hits ORDER BY 2 DESC, id LIMIT 200)
            (SELECT 's', id, score FROM songs_best WHERE ? ORDER BY score DESC, popularity DESC, id LIMIT ?)
            UNION ALL
            (SELECT 'a', id, score FROM artist_hits WHERE ? ORDER BY score DESC, popularity DESC, id LIMIT ?)
            UNION ALL
            (SELECT 'p', h.id, h.score FROM top_playlists h JOIN playlists p USING (id)
              WHERE ? ORDER BY h.score DESC, p.popularity DESC, h.id LIMIT ?)
            """;

    private final DataSource dataSource;

    public KeywordSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param text  free text, 1..{@value #MAX_QUERY_LENGTH} characters after trimming
     * @param type  restrict to one item type; empty for all
     * @param limit 1..{@value #MAX_LIMIT}
     * @return hits sorted by score, best first
     */
    public List<KeywordHit> search(String text, Optional<ItemType> type, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("query text is empty");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query text is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        List<KeywordHit> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // SET LOCAL ends with the transaction, so a pooled connection never keeps it. A caller already in a
            // transaction keeps owning it; otherwise this method runs its own short one.
            boolean ownTransaction = c.getAutoCommit();
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL pg_trgm.similarity_threshold = " + TRIGRAM_THRESHOLD);
                }
                hits = query(c, q, type, limit);
                if (ownTransaction) {
                    c.commit();
                }
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new CatalogueUnavailableException("keyword search failed: " + e.getMessage(), e);
        }
        return type.isPresent() ? hits : diversify(hits, limit);
    }

    private static List<KeywordHit> query(Connection c, String q, Optional<ItemType> type, int limit) throws SQLException {
        List<KeywordHit> hits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            int i = 1;
            String key = TextKey.of(q);
            ps.setString(i++, q);
            ps.setString(i++, q);
            ps.setBoolean(i++, !key.isEmpty());
            ps.setString(i++, key);
            ps.setDouble(i++, PLAYLIST_SONG_MIN_SCORE);
            for (ItemType t : new ItemType[]{ItemType.SONG, ItemType.ARTIST, ItemType.PLAYLIST}) {
                ps.setBoolean(i++, type.isEmpty() || type.get() == t);
                ps.setInt(i++, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(new KeywordHit(new ItemRef(ItemType.fromCode(rs.getString(1)), rs.getLong(2)), rs.getDouble(3)));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(KeywordHit::score).reversed()); // stable: SQL order breaks ties
        return hits;
    }

    /**
     * For "any type": every type with hits keeps at least a fifth of the slots, so a prolific artist's songs
     * cannot push the playlists containing them off the page; the rest goes by score.
     */
    static List<KeywordHit> diversify(List<KeywordHit> sorted, int limit) {
        int quota = Math.max(1, limit / 5);
        Map<ItemType, Integer> taken = new EnumMap<>(ItemType.class);
        Set<KeywordHit> chosen = new LinkedHashSet<>();
        for (KeywordHit h : sorted) {
            if (taken.getOrDefault(h.ref().type(), 0) < quota) {
                chosen.add(h);
                taken.merge(h.ref().type(), 1, Integer::sum);
            }
        }
        for (KeywordHit h : sorted) {
            if (chosen.size() >= limit) {
                break;
            }
            chosen.add(h);
        }
        return chosen.stream().sorted(Comparator.comparingDouble(KeywordHit::score).reversed()).limit(limit).toList();
    }
}
