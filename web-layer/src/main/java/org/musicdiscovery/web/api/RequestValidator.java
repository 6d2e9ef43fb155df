package org.musicdiscovery.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.musicdiscovery.web.genres.GenreCatalog;

/**
 * The public input rules, in one place. Parameters arrive as strings so that "limit=abc" is a clear 400 naming the
 * field rather than JAX-RS's silent 404 for an unparsable number.
 */
@ApplicationScoped
public class RequestValidator {
    static final Set<String> TYPES = Set.of("song", "playlist", "artist", "any");
    static final Set<String> ITEM_TYPES = Set.of("song", "playlist", "artist");
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_GENRES = 20;
    static final int MAX_GENRE_NAME = 100;
    static final double MAX_WEIGHT = 1_000_000;

    @ConfigProperty(name = "discovery.limits.max-query-length")
    int maxQueryLength;
    @ConfigProperty(name = "discovery.limits.max-limit")
    int maxLimit;
    @ConfigProperty(name = "discovery.limits.max-offset")
    int maxOffset;
    @Inject
    GenreCatalog genres;

    public String query(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "q is required and must not be blank");
        }
        return text("q", q, maxQueryLength);
    }

    public String type(String type) {
        if (type == null || type.isBlank()) {
            return "any";
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(t)) {
            throw new InvalidInputException("type", "type must be one of song, playlist, artist, any");
        }
        return t;
    }

    /** The {type} of an item path: song, playlist or artist. */
    public String itemType(String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!ITEM_TYPES.contains(t)) {
            throw new InvalidInputException("type", "item type must be song, playlist or artist");
        }
        return t;
    }

    public long itemId(String id) {
        try {
            long v = Long.parseLong(id == null ? "" : id.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // same message as a negative id
        }
        throw new InvalidInputException("id", "id must be a non-negative integer");
    }

    public int limit(String limit) {
        return bounded("limit", limit, DEFAULT_LIMIT, 1, maxLimit);
    }

    public int offset(String offset) {
        return bounded("offset", offset, 0, 0, maxOffset);
    }

    public int limit(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : bounded("limit", limit.toString(), DEFAULT_LIMIT, 1, maxLimit);
    }

    public int offset(Integer offset) {
        return offset == null ? 0 : bounded("offset", offset.toString(), 0, 0, maxOffset);
    }

    /** An explicit mix: known genres (any spelling, resolved to canonical), weights finite and ≥ 0, one positive. */
    public Map<String, Double> mix(Map<String, Double> mix) {
        if (mix == null || mix.isEmpty()) {
            throw new InvalidInputException("genres", "genres is required: a non-empty map of genre to weight");
        }
        if (mix.size() > MAX_GENRES) {
            throw new InvalidInputException("genres", "at most " + MAX_GENRES + " genres");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (var e : mix.entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0 || w > MAX_WEIGHT) {
                throw new InvalidInputException("genres", "the weight of '" + e.getKey()
                        + "' must be a finite number between 0 and " + (long) MAX_WEIGHT);
            }
            out.merge(genre("genres", e.getKey()), w, Double::sum);
            sum += w;
        }
        if (sum <= 0) {
            throw new InvalidInputException("genres", "at least one genre weight must be positive");
        }
        return out;
    }

    public List<String> exclude(List<String> exclude) {
        if (exclude == null) {
            return List.of();
        }
        if (exclude.size() > MAX_GENRES) {
            throw new InvalidInputException("exclude", "at most " + MAX_GENRES + " excluded genres");
        }
        List<String> out = new ArrayList<>();
        for (String g : exclude) {
            out.add(genre("exclude", g));
        }
        return out;
    }

    /** Autocomplete text: 1..100 characters. */
    public String prefix(String prefix) {
        return prefix == null || prefix.isBlank() ? "" : text("prefix", prefix, MAX_GENRE_NAME);
    }

    private String genre(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "genre names must not be blank");
        }
        String g = text(field, name, MAX_GENRE_NAME);
        return genres.canonical(g).orElseThrow(() -> new InvalidInputException(field, "unknown genre '" + g
                + "' (see GET /api/v1/genres)"));
    }

    private static String text(String field, String value, int max) {
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD
                || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) { // a lone surrogate is not text
            throw new InvalidInputException(field, field + " must be valid UTF-8 text without control characters");
        }
        return trimmed;
    }

    private static int bounded(String field, String raw, int dflt, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as an out-of-range number
        }
        throw new InvalidInputException(field, field + " must be an integer between " + min + " and " + max);
    }
}
