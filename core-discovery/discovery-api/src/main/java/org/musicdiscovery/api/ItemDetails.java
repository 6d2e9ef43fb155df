package org.musicdiscovery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One catalogue item in full (GET /internal/v1/items/{type}/{id}): its own description plus what a detail page
 * lists beside it.
 *
 * @param item      the item itself (score 0, no {@code why})
 * @param artistId  a song's artist, to link to it; null otherwise
 * @param songs     a playlist's songs in order, or an artist's most played songs (at most {@value #MAX_SONGS})
 * @param playlists for a song: the most popular playlists holding it (at most {@value #MAX_PLAYLISTS})
 * @param version   the catalogue version the answer was read from (clients' cache validator)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemDetails(ResultItem item, Long artistId, List<ResultItem> songs, List<ResultItem> playlists,
        String version) {
    public static final int MAX_SONGS = 100;
    public static final int MAX_PLAYLISTS = 20;
}
