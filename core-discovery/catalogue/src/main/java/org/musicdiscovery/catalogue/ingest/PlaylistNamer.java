package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.genre.GenreNames;
import org.musicdiscovery.catalogue.vectors.SparseVector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readable names for radio playlists, which have none: the two dominant genres and the two most frequent
 * artists, e.g. "Soul &amp; Funk · Aretha Franklin, James Brown".
 */
final class PlaylistNamer {

    private PlaylistNamer() {
    }

    /**
     * @param genres  the playlist's genre vector
     * @param artists artist display names of its songs in play order (repeats count)
     */
    static String name(SparseVector genres, List<String> artists) {
        String genrePart = genres.isEmpty() ? "Radio Mix"
                : String.join(" & ", genres.top(2).stream().map(GenreNames::display).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        artists.forEach(a -> counts.merge(a, 1, Integer::sum));
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()) // stable: ties keep play order
                .limit(2).map(Map.Entry::getKey).toList();
        return top.isEmpty() ? genrePart : genrePart + " · " + String.join(", ", top);
    }
}
