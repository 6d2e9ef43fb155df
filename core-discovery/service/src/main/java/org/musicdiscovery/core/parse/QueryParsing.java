package org.musicdiscovery.core.parse;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.queryparser.QueryParser;

/**
 * Turns a request into a structured query. An explicit mix from the genre mixer wins over the text; free text goes
 * to the trained query parser (query-parser-models, loaded once at startup), whose genres are then mapped onto the
 * genres the catalogue serves; whatever is not understood becomes a keyword search, never an error.
 */
@ApplicationScoped
@Startup
public class QueryParsing {
    private static final long RELOAD_NANOS = 30_000_000_000L;

    @Inject
    ServedGenresSource servedSource;

    private final QueryParser parser = new QueryParser();
    private volatile ServedGenres served;
    private volatile long loadedAt;

    public ParsedQuery parse(DiscoverRequest request) {
        String type = request.type() == null || request.type().isBlank() ? "any"
                : request.type().toLowerCase(Locale.ROOT);
        if (request.similarTo() != null) {
            return new ParsedQuery(ParsedQuery.Mode.similar, type, null, normalised(request.exclude()), List.of(),
                    ParsedQuery.Seed.of(request.similarTo().strip().toLowerCase(Locale.ROOT)), "");
        }
        if (request.genres() != null && !request.genres().isEmpty()) {
            return explicitMix(request, type);
        }
        String text = request.q() == null ? "" : request.q().strip();
        ParsedQuery parsed = parseText(text);
        // the type the client asked for explicitly beats what the words suggested
        String itemType = "any".equals(type) ? parsed.itemType() : type;
        return new ParsedQuery(parsed.mode(), itemType, parsed.genres(), parsed.excluded(), parsed.artists(),
                parsed.seed(), parsed.text());
    }

    ParsedQuery parseText(String text) {
        ParsedQuery parsed = parser.parse(text);
        return served().resolve(parsed, parsed.mode() == ParsedQuery.Mode.genre ? text : parsed.text());
    }

    /** Loaded on first use, and again every 30 s while it is empty (PostgreSQL was unavailable). */
    private ServedGenres served() {
        ServedGenres s = served;
        long now = System.nanoTime();
        if (s == null || s.isEmpty() && now - loadedAt > RELOAD_NANOS) {
            synchronized (this) {
                if (served == null || served.isEmpty() && now - loadedAt > RELOAD_NANOS) {
                    served = servedSource.load();
                    loadedAt = now;
                }
                s = served;
            }
        }
        return s;
    }

    static ParsedQuery explicitMix(DiscoverRequest request, String type) {
        double sum = request.genres().values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> mix = new LinkedHashMap<>();
        request.genres().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> mix.put(e.getKey().toLowerCase(Locale.ROOT).strip(), e.getValue() / sum));
        return new ParsedQuery(ParsedQuery.Mode.genre, type, mix, normalised(request.exclude()), List.of(), null,
                request.q() == null ? "" : request.q());
    }

    private static List<String> normalised(List<String> genres) {
        List<String> out = new ArrayList<>();
        if (genres != null) {
            genres.forEach(g -> out.add(g.toLowerCase(Locale.ROOT).strip()));
        }
        return out;
    }
}
