package org.musicdiscovery.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public input rules, in one place. Parameters arrive as strings so that "limit=abc" is a clear 400 naming the
 * field rather than JAX-RS's silent 404 for an unparsable number.
 */
@ApplicationScoped
public class RequestValidator {
    static final Set<String> TYPES = Set.of("song", "playlist", "artist", "any");
    static final int DEFAULT_LIMIT = 20;

    @ConfigProperty(name = "discovery.limits.max-query-length")
    int maxQueryLength;
    @ConfigProperty(name = "discovery.limits.max-limit")
    int maxLimit;
    @ConfigProperty(name = "discovery.limits.max-offset")
    int maxOffset;

    public String query(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "q is required and must not be blank");
        }
        String trimmed = q.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxQueryLength) {
            throw new InvalidInputException("q", "q must be at most " + maxQueryLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            throw new InvalidInputException("q", "q must be valid UTF-8 text without control characters");
        }
        return trimmed;
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

    public int limit(String limit) {
        return bounded("limit", limit, DEFAULT_LIMIT, 1, maxLimit);
    }

    public int offset(String offset) {
        return bounded("offset", offset, 0, 0, maxOffset);
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
