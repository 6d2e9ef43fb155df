package org.musicdiscovery.catalogue.source;

import java.util.List;

/**
 * One song of a yes.com {@code song_hash.txt}, ids local to its folder.
 *
 * @param id     the folder-local id (for yes/complete: the catalogue song id)
 * @param title  unescaped title ({@code \/} becomes {@code /})
 * @param artist the credited artist string as given
 * @param tags   its Last.fm tag names (empty when the song has none, "#" in tags.txt)
 */
public record YesSong(int id, String title, String artist, List<String> tags) {
}
