package org.musicdiscovery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The structured form of a user's query, produced by the query parser and echoed back to clients so they can show
 * how their words were understood. Genre weights sum to 1 when present.
 *
 * @param mode     which candidate source answers it: a genre mix, a keyword search or a similarity search
 * @param itemType song, playlist, artist or any
 * @param genres   canonical genre name to weight (insertion order = descending weight)
 * @param excluded canonical genres the user asked to avoid
 * @param artists  artist names recognised in the query
 * @param seed     the item a similarity query starts from, or null
 * @param text     the text left for keyword search (the original query when nothing structured was found)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParsedQuery(
        Mode mode,
        String itemType,
        Map<String, Double> genres,
        List<String> excluded,
        List<String> artists,
        Seed seed,
        String text) {

    public enum Mode {
        genre, keyword, similar
    }

    /**
     * A similarity seed: a track (optionally with its artist), an artist alone, or a catalogue item named exactly
     * ({@code item} = "song:123", from "more like this").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Seed(String track, String artist, String item) {
        public Seed(String track, String artist) {
            this(track, artist, null);
        }

        public static Seed of(String item) {
            return new Seed(null, null, item);
        }
    }
}
