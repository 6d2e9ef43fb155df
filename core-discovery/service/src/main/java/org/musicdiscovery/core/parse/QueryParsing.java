package org.musicdiscovery.core.parse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.queryparser.QueryParser;

/**
 * Turns a request into a structured query. An explicit mix from the genre mixer wins over the text; free text goes
 * to the trained query parser (query-parser-models, loaded once at startup), whose genres are then mapped onto the
 * genres the catalogue serves; whatever is not understood becomes a keyword search, never an error.
 * <p>
 * Parses of free text are remembered (bounded, per loaded served-genre set): the same words always parse the same,
 * and popular queries come back — a cache hit should not run the NER model again.
 */
@ApplicationScoped
@Startup
public class QueryParsing {
    private static final long RELOAD_NANOS = 30_000_000_000L;
    static final int REMEMBERED_TEXTS = 10_000;

    @Inject
    ServedGenresSource servedSource;

    private final QueryParser parser = new QueryParser();
    private volatile Served served;
    private volatile long loadedAt;

    /** The served genres and the parses resolved against them: one goes with the other. */
    private record Served(ServedGenres genres, Cache<String, ParsedQuery> parses) {
        Served(ServedGenres genres) {
            this(genres, Caffeine.newBuilder().maximumSize(REMEMBERED_TEXTS).build());
        }
    }

    public ParsedQuery parse(DiscoverRequest request) {
        return parse(request, this::parseText);
    }

    /**
     * The parse when it needs no model run and no store: explicit mixes, similarity seeds and remembered texts;
     * otherwise null. Cheap enough for an event-loop thread.
     */
    public ParsedQuery parseIfRemembered(DiscoverRequest request) {
        return parse(request, text -> {
            Served s = served;
            return s == null ? null : s.parses().getIfPresent(text);
        });
    }

    private ParsedQuery parse(DiscoverRequest request, Function<String, ParsedQuery> texts) {
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
        ParsedQuery parsed = texts.apply(text);
        if (parsed == null) {
            return null;
        }
        // the type the client asked for explicitly beats what the words suggested
        String itemType = "any".equals(type) ? parsed.itemType() : type;
        return new ParsedQuery(parsed.mode(), itemType, parsed.genres(), parsed.excluded(), parsed.artists(),
                parsed.seed(), parsed.text());
    }

    ParsedQuery parseText(String text) {
        Served s = served();
        return s.parses().get(text, t -> {
            ParsedQuery parsed = parser.parse(t);
            return s.genres().resolve(parsed, parsed.mode() == ParsedQuery.Mode.genre ? t : parsed.text());
        });
    }

    /** Loaded on first use, and again every 30 s while it is empty (PostgreSQL was unavailable). */
    private Served served() {
        Served s = served;
        long now = System.nanoTime();
        if (s == null || s.genres().isEmpty() && now - loadedAt > RELOAD_NANOS) {
            synchronized (this) {
                if (served == null || served.genres().isEmpty() && now - loadedAt > RELOAD_NANOS) {
                    served = new Served(servedSource.load());
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
