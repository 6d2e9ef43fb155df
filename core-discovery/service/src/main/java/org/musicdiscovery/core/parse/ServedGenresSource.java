package org.musicdiscovery.core.parse;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** Reads {@link ServedGenres} from the catalogue's tables; if PostgreSQL is down the parser's genres pass as-is. */
@ApplicationScoped
public class ServedGenresSource {
    private static final Logger LOG = Logger.getLogger(ServedGenresSource.class);
    static final String SQL = """
            SELECT g.name, g.parent, EXISTS (SELECT 1 FROM item_genres i WHERE i.genre = g.name) FROM genres g
            """;

    @Inject
    AgroalDataSource dataSource;

    public ServedGenres load() {
        Set<String> used = new HashSet<>();
        Map<String, String> parents = new HashMap<>();
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(SQL)) {
            while (rs.next()) {
                if (rs.getString(2) != null) {
                    parents.put(rs.getString(1), rs.getString(2));
                }
                if (rs.getBoolean(3)) {
                    used.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.warnf("genre vocabulary unavailable, genres are not mapped onto served ones for now: %s",
                    e.getMessage());
            return ServedGenres.none();
        }
        return new ServedGenres(used, parents);
    }
}
