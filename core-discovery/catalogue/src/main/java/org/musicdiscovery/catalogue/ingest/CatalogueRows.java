package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.vectors.SparseVector;

import java.util.List;

/** The in-memory catalogue an ingest builds before writing it out; artists are keyed by normalised name. */
public final class CatalogueRows {

    private CatalogueRows() {
    }

    /** Where a genre vector came from, reported in the summary. */
    public enum GenreSource { TAGS, HETREC, SONGS, ARTIST, NONE }

    public record Song(long id, String title, String credit, String artistKey, List<String> tags,
                       SparseVector genres, GenreSource genreSource, int popularity) {
    }

    public record Artist(String key, String name, Integer hetrecId, int songCount, double popularity,
                         SparseVector genres, GenreSource genreSource) {
    }

    public record Playlist(long id, String source, int index, String name, long[] songIds, SparseVector genres,
                           double popularity) {
    }

    /** Tag use counts come with the mapping so the stored table shows which mappings matter. */
    public record TagRow(String tag, String genre, String rule, int uses) {
    }
}
