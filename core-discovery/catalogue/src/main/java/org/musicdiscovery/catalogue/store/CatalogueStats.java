package org.musicdiscovery.catalogue.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts describing a stored catalogue, read from PostgreSQL so {@code summary} works without re-ingesting.
 *
 * @param withGenres     items per type code with a genre vector
 * @param multiGenre     items per type code with two or more genres
 * @param meta           the catalogue_meta table (version, ingest time ...)
 */
public record CatalogueStats(long songs, long artists, long playlists, long playlistSongs, long genres,
                             long genresUsed, long aliases, long tagMappings, long tagsMapped,
                             Map<String, Long> withGenres, Map<String, Long> multiGenre, Map<String, String> meta) {

    public static CatalogueStats query(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<String, Long> with = new LinkedHashMap<>();
            Map<String, Long> multi = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT item_type, count(*), count(*) FILTER (WHERE n >= 2)
                    FROM (SELECT item_type, item_id, count(*) AS n FROM item_genres GROUP BY 1, 2) x
                    GROUP BY 1 ORDER BY 1""")) {
                while (rs.next()) {
                    with.put(rs.getString(1), rs.getLong(2));
                    multi.put(rs.getString(1), rs.getLong(3));
                }
            }
            Map<String, String> meta = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT key, value FROM catalogue_meta ORDER BY key")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            return new CatalogueStats(count(s, "songs"), count(s, "artists"), count(s, "playlists"),
                    count(s, "playlist_songs"), count(s, "genres"),
                    one(s, "SELECT count(DISTINCT genre) FROM item_genres"), count(s, "genre_aliases"),
                    count(s, "tag_genre_map"), one(s, "SELECT count(*) FROM tag_genre_map WHERE genre IS NOT NULL"),
                    with, multi, meta);
        } catch (SQLException e) {
            throw new CatalogueUnavailableException("cannot read catalogue counts: " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        return one(s, "SELECT count(*) FROM " + table); // table names are constants of this class
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double share(String code, long total) {
        return total == 0 ? 0 : 100.0 * multiGenre.getOrDefault(code, 0L) / total;
    }

    /** Human-readable block printed at the end of an ingest and by {@code summary}. */
    public String toText() {
        long items = songs + artists + playlists;
        long multi = multiGenre.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "songs            %,10d   with genres %,d, with >=2 genres %,d (%.1f%% of all songs)%n",
                songs, withGenres.getOrDefault("s", 0L), multiGenre.getOrDefault("s", 0L), share("s", songs)));
        b.append(String.format(Locale.ROOT, "artists          %,10d   with genres %,d, with >=2 genres %,d (%.1f%%)%n",
                artists, withGenres.getOrDefault("a", 0L), multiGenre.getOrDefault("a", 0L), share("a", artists)));
        b.append(String.format(Locale.ROOT, "playlists        %,10d   with genres %,d, with >=2 genres %,d (%.1f%%)%n",
                playlists, withGenres.getOrDefault("p", 0L), multiGenre.getOrDefault("p", 0L), share("p", playlists)));
        b.append(String.format(Locale.ROOT, "playlist songs   %,10d%n", playlistSongs));
        b.append(String.format(Locale.ROOT, "items with >=2 genres: %,d of %,d (%.1f%%)%n", multi, items,
                items == 0 ? 0 : 100.0 * multi / items));
        b.append(String.format(Locale.ROOT, "genres used      %,10d   of %,d canonical genres, %,d aliases%n", genresUsed, genres, aliases));
        b.append(String.format(Locale.ROOT, "tags mapped      %,10d   of %,d distinct tags (rest: stop-list or unmapped)%n", tagsMapped, tagMappings));
        meta.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-16s %s%n", k, v)));
        return b.toString();
    }
}
