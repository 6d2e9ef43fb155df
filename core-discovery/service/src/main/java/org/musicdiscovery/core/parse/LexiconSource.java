package org.musicdiscovery.core.parse;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The genre spellings the parser recognises: the canonical names, display names and aliases of the genres the
 * catalogue actually uses, read from PostgreSQL (the catalogue's vocabulary tables). Re-read after an ingest
 * changes the catalogue version; if PostgreSQL is down the parser keeps what it had (or parses as keywords).
 */
@ApplicationScoped
public class LexiconSource {
    private static final Logger LOG = Logger.getLogger(LexiconSource.class);
    static final String SQL = """
            WITH used AS (SELECT DISTINCT genre FROM item_genres)
            SELECT g.name, g.name FROM genres g JOIN used u ON u.genre = g.name
            UNION ALL SELECT g.display_name, g.name FROM genres g JOIN used u ON u.genre = g.name
            UNION ALL SELECT a.alias, a.genre FROM genre_aliases a JOIN used u ON u.genre = a.genre
            """;

    @Inject
    AgroalDataSource dataSource;

    public GenreLexicon load() {
        Map<String, String> spellings = new HashMap<>();
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(SQL)) {
            while (rs.next()) {
                spellings.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            LOG.warnf("genre vocabulary unavailable, parsing text as keywords for now: %s", e.getMessage());
        }
        return new GenreLexicon(spellings);
    }
}
