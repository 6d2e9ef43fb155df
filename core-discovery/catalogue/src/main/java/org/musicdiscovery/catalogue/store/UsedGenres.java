package org.musicdiscovery.catalogue.store;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the genre vocabulary clients can pick from: genres that tag at least one item, their ancestors (so
 * the hierarchy has no holes) and each one's aliases, with how many items it tags. One query.
 */
public final class UsedGenres {

    /** One genre of the vocabulary as stored. */
    public record Row(String name, String displayName, String parent, int depth, List<String> aliases, int items) {
    }

    static final String SQL = """
            WITH RECURSIVE counts AS (SELECT genre, count(*)::int AS n FROM item_genres GROUP BY genre),
            wanted AS (SELECT genre AS name FROM counts
                       UNION SELECT g.parent FROM genres g JOIN wanted w ON g.name = w.name WHERE g.parent IS NOT NULL)
            SELECT g.name, g.display_name, g.parent, g.depth, coalesce(c.n, 0),
                   ARRAY(SELECT a.alias FROM genre_aliases a WHERE a.genre = g.name ORDER BY a.alias)
            FROM genres g JOIN wanted w ON w.name = g.name LEFT JOIN counts c ON c.genre = g.name
            ORDER BY coalesce(c.n, 0) DESC, g.name
            """;

    private final DataSource dataSource;

    public UsedGenres(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> load() {
        List<Row> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(SQL)) {
            while (rs.next()) {
                Array aliases = rs.getArray(6);
                out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        List.of((String[]) aliases.getArray()), rs.getInt(5)));
            }
        } catch (SQLException e) {
            throw new CatalogueUnavailableException("cannot read the genre vocabulary from PostgreSQL: " + e.getMessage(), e);
        }
        return out;
    }
}
