package org.musicdiscovery.web.api;

import java.util.List;
import java.util.Map;

/**
 * POST /api/v1/discover: an explicit genre mix, as the genre mixer builds it.
 *
 * @param genres  genre (canonical name, display name or alias) to weight; finite, ≥ 0, at least one positive;
 *                normalised to sum 1
 * @param exclude genres to leave out
 * @param type    song, playlist, artist or any (default)
 * @param limit   page size 1..100 (default 20)
 * @param offset  items to skip 0..1000 (default 0)
 */
public record MixBody(Map<String, Double> genres, List<String> exclude, String type, Integer limit, Integer offset) {
}
