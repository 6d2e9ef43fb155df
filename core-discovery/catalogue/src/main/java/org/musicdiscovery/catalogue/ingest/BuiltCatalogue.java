package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.genre.GenreVocabulary;

import java.util.List;
import java.util.Map;

/**
 * Everything one ingest produces, ready to be written to PostgreSQL, Redis and the vector files.
 *
 * @param playlistsRead    playlists read from train.txt files
 * @param playlistSongsRead song slots read in those playlists
 * @param playlistSongsMapped slots whose (title, artist) was found in yes/complete
 */
public record BuiltCatalogue(GenreVocabulary vocabulary, List<CatalogueRows.TagRow> tags,
                             List<CatalogueRows.Song> songs, Map<String, CatalogueRows.Artist> artists,
                             List<CatalogueRows.Playlist> playlists, int playlistsRead, long playlistSongsRead,
                             long playlistSongsMapped) {
}
