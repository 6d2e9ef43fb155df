package org.musicdiscovery.catalogue.model;

import java.util.List;

/**
 * What result population needs about an item, cached in Redis.
 *
 * @param ref        the item
 * @param title      song title, playlist name or artist name
 * @param artistName credited artist of a song; null for playlists and artists
 * @param artistId   catalogue artist id of a song (its primary artist); null otherwise
 * @param genres     genre mix sorted by weight, descending (empty when unknown)
 * @param size       songs in a playlist, songs of an artist; 1 for a song
 * @param popularity songs: playlists containing it; artists: sum over their songs; playlists: mean over their songs
 * @param duplicateKey songs: {@link DuplicateKey} of title and artist, computed once when the detail is made and
 *                   stored with it (the result filter needs it for every candidate of every search); null otherwise
 */
public record EntityDetail(ItemRef ref, String title, String artistName, Long artistId, List<GenreWeight> genres,
                           int size, double popularity, String duplicateKey) {

    public EntityDetail {
        genres = genres == null ? List.of() : List.copyOf(genres);
        if (ref.type() != ItemType.SONG) {
            duplicateKey = null;
        } else if (duplicateKey == null) {
            duplicateKey = DuplicateKey.of(title, artistName);
        }
    }

    /** A detail whose duplicate key (songs) is computed here. */
    public EntityDetail(ItemRef ref, String title, String artistName, Long artistId, List<GenreWeight> genres,
                        int size, double popularity) {
        this(ref, title, artistName, artistId, genres, size, popularity, null);
    }
}
