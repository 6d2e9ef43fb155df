package org.musicdiscovery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One result: a song, playlist or artist with the details a client shows and the score that ranked it.
 *
 * @param type       song, playlist or artist
 * @param id         catalogue id within its type
 * @param title      song title, playlist name or artist name
 * @param artist     the song's artist (null for playlists and artists)
 * @param genres     genre mix, canonical genre to share (descending)
 * @param size       songs in the playlist, or songs by the artist (0 for songs)
 * @param popularity how often the item appears in real radio playlists (songs: count; playlists: mean of
 *                   their songs; artists: sum over their songs)
 * @param score      the ranking score (higher is better)
 * @param why        for genre-mix queries: each relevant genre's share in the query and in the item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultItem(String type, long id, String title, String artist, Map<String, Double> genres, int size,
        double popularity, double score, List<Why> why) {

    /** One line of a score explanation. */
    public record Why(String genre, double query, double item) {
    }
}
