package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.db.PgCopy;
import org.musicdiscovery.catalogue.genre.Genre;
import org.musicdiscovery.catalogue.genre.GenreNames;
import org.musicdiscovery.catalogue.genre.GenreVocabulary;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Writes the genre vocabulary, its aliases and the tag mapping table, replacing what an earlier ingest wrote. */
final class VocabularyWriter {

    private VocabularyWriter() {
    }

    /** Upserts genres, replaces aliases and tag mappings; one transaction on {@code c}. */
    static void write(Connection c, GenreVocabulary vocabulary, List<CatalogueRows.TagRow> tags) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE tmp_genres (name text, parent text, depth int, display_name text) ON COMMIT DROP");
            List<Object[]> rows = new ArrayList<>();
            for (Genre g : vocabulary.genres()) {
                rows.add(new Object[]{g.name(), g.parent(), g.depth(), GenreNames.display(g.name())});
            }
            PgCopy.copy(c, "tmp_genres", "name, parent, depth, display_name", rows);
            s.execute("SET CONSTRAINTS ALL DEFERRED");
            s.execute("""
                    INSERT INTO genres (name, parent, depth, display_name)
                    SELECT name, parent, depth, display_name FROM tmp_genres
                    ON CONFLICT (name) DO UPDATE SET parent = EXCLUDED.parent, depth = EXCLUDED.depth,
                        display_name = EXCLUDED.display_name""");
            s.execute("DELETE FROM genre_aliases");
            List<Object[]> aliases = new ArrayList<>();
            vocabulary.aliases().forEach((alias, genre) -> aliases.add(new Object[]{alias, genre}));
            PgCopy.copy(c, "genre_aliases", "alias, genre", aliases);
            s.execute("DELETE FROM tag_genre_map");
            List<Object[]> tagRows = new ArrayList<>(tags.size());
            tags.forEach(t -> tagRows.add(new Object[]{t.tag(), t.genre(), t.rule(), t.uses()}));
            PgCopy.copy(c, "tag_genre_map", "tag, genre, rule, uses", tagRows);
        }
    }

    /** Drops genres no longer in the vocabulary once nothing refers to them (run after item_genres is rewritten). */
    static void dropStaleGenres(Connection c, GenreVocabulary vocabulary) throws SQLException {
        try (var ps = c.prepareStatement("""
                DELETE FROM genres g WHERE NOT (g.name = ANY (?))
                  AND NOT EXISTS (SELECT 1 FROM genres child WHERE child.parent = g.name)
                  AND NOT EXISTS (SELECT 1 FROM item_genres i WHERE i.genre = g.name)
                  AND NOT EXISTS (SELECT 1 FROM tag_genre_map t WHERE t.genre = g.name)
                  AND NOT EXISTS (SELECT 1 FROM genre_aliases a WHERE a.genre = g.name)""")) {
            ps.setArray(1, c.createArrayOf("text", vocabulary.genres().stream().map(Genre::name).toArray()));
            ps.executeUpdate();
        }
    }
}
