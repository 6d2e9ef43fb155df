package org.musicdiscovery.catalogue.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A genre the stored catalogue actually uses, with how many items carry it: the list a query parser or a UI
 * offers (the full vocabulary has many genres no item has).
 */
public record GenreUsage(String genre, String displayName, String parent, long songs, long playlists, long artists) {

    /** All genres present in {@code item_genres}, most songs first. */
    public static List<GenreUsage> load(DataSource dataSource) {
        List<GenreUsage> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT g.name, g.display_name, g.parent,
                            count(*) FILTER (WHERE i.item_type = 's'), count(*) FILTER (WHERE i.item_type = 'p'),
                            count(*) FILTER (WHERE i.item_type = 'a')
                     FROM item_genres i JOIN genres g ON g.name = i.genre
                     GROUP BY g.name, g.display_name, g.parent ORDER BY 4 DESC, 1""")) {
            while (rs.next()) {
                out.add(new GenreUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
        } catch (SQLException e) {
            throw new CatalogueUnavailableException("cannot list the genres in use: " + e.getMessage(), e);
        }
        return out;
    }
}
