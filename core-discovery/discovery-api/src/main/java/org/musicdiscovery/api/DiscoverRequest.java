package org.musicdiscovery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the web layer asks core discovery (POST /internal/v1/discover). Either free text ({@code q}) or an
 * explicit genre mix ({@code genres}, with optional {@code exclude}); the web layer has already validated it.
 *
 * @param q       free text, parsed by core ("blues playlists with a little rock", "adele")
 * @param genres  an explicit mix, canonical genre to non-negative weight; overrides the parsed mix
 * @param exclude genres to leave out
 * @param type    song, playlist, artist or any
 * @param limit   page size
 * @param offset  items to skip
 * @param similarTo a catalogue item as {@code type:id} ("song:123"): items like it; overrides {@code q}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscoverRequest(String q, Map<String, Double> genres, List<String> exclude, String type, int limit,
        int offset, String similarTo) {

    public DiscoverRequest(String q, Map<String, Double> genres, List<String> exclude, String type, int limit,
            int offset) {
        this(q, genres, exclude, type, limit, offset, null);
    }

    public static DiscoverRequest keyword(String q, String type, int limit, int offset) {
        return new DiscoverRequest(q, null, null, type, limit, offset, null);
    }

    public static DiscoverRequest mix(Map<String, Double> genres, List<String> exclude, String type, int limit,
            int offset) {
        return new DiscoverRequest(null, genres, exclude, type, limit, offset, null);
    }

    public static DiscoverRequest similar(String item, List<String> exclude, String type, int limit, int offset) {
        return new DiscoverRequest(null, null, exclude, type, limit, offset, item);
    }
}
