package org.musicdiscovery.vectorsearch.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.musicdiscovery.collections.CollectionSearch;
import org.musicdiscovery.collections.Dimensions;
import org.musicdiscovery.collections.LoadedCollection;
import org.musicdiscovery.collections.Strategy;
import org.musicdiscovery.vectorsearch.api.Limits;
import org.musicdiscovery.vectorsearch.api.SearchRequest;

/**
 * Validates a search request against the collection it targets and turns it into an engine query. Every rule
 * failure is a {@link BadQueryException} naming the field, so clients get a 400 that says what to fix.
 */
public final class QueryVectors {
    static final Map<String, Character> TYPES = Map.of("song", 's', "playlist", 'p', "artist", 'a');

    private QueryVectors() {
    }

    public static CollectionSearch.Query toQuery(SearchRequest r, LoadedCollection c) {
        int given = (r.genres() != null ? 1 : 0) + (r.vector() != null ? 1 : 0) + (r.item() != null ? 1 : 0);
        if (given != 1) {
            throw new BadQueryException("query", "give exactly one of genres, vector or item");
        }
        int k = r.k() == null ? Limits.DEFAULT_K : r.k();
        if (k < 1 || k > Limits.MAX_K) {
            throw new BadQueryException("k", "k must be between 1 and " + Limits.MAX_K);
        }
        int searchK = r.searchK() == null ? -1 : r.searchK();
        if (searchK != -1 && (searchK < 1 || searchK > Limits.MAX_SEARCH_K)) {
            throw new BadQueryException("searchK", "searchK must be -1 or between 1 and " + Limits.MAX_SEARCH_K);
        }
        List<String> metrics = metrics(r.trees(), c);
        Set<Character> types = types(r.types());
        int exclude = -1;
        float[] vector;
        if (r.genres() != null) {
            vector = sparse(r.genres(), c);
        } else if (r.vector() != null) {
            vector = dense(r.vector(), c.manifest().dimension());
        } else {
            exclude = item(r.item(), c);
            vector = new float[c.manifest().dimension()];
            c.stored().vector(exclude, vector);
        }
        return new CollectionSearch.Query(vector, k, searchK, metrics, types,
                Boolean.TRUE.equals(r.includeVectors()), exclude, strategy(r.strategy(), c, vector));
    }

    /** auto (default), trees or exact; exact only where the collection and the query allow it. */
    static Strategy strategy(String name, LoadedCollection c, float[] vector) {
        Strategy s;
        try {
            s = Strategy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("strategy", "strategy must be auto, trees or exact");
        }
        String why = s == Strategy.EXACT ? Strategy.whyNotExact(c, vector) : null;
        if (why != null) {
            throw new BadQueryException("strategy", why);
        }
        return s;
    }

    static List<String> metrics(String trees, LoadedCollection c) {
        String t = trees == null ? "both" : trees.toLowerCase(Locale.ROOT);
        List<String> wanted = switch (t) {
            case "both" -> new ArrayList<>(c.trees().keySet());
            case "dot", "angular" -> List.of(t);
            default -> throw new BadQueryException("trees", "trees must be dot, angular or both");
        };
        for (String m : wanted) {
            if (!c.trees().containsKey(m)) {
                throw new BadQueryException("trees", "collection " + c.manifest().name() + " has no " + m + " trees");
            }
        }
        return wanted;
    }

    static Set<Character> types(List<String> types) {
        Set<Character> out = new HashSet<>();
        if (types != null) {
            for (String t : types) {
                Character code = t == null ? null : TYPES.get(t.toLowerCase(Locale.ROOT));
                if (code == null) {
                    throw new BadQueryException("types", "types must be among song, playlist, artist; got " + t);
                }
                out.add(code);
            }
        }
        return out;
    }

    static float[] sparse(Map<String, Double> genres, LoadedCollection c) {
        Dimensions dims = c.dims();
        if (dims == null) {
            throw new BadQueryException("genres", "collection " + c.manifest().name()
                    + " is dense: query it with a vector or an item");
        }
        float[] v = new float[dims.size()];
        List<String> unknown = new ArrayList<>();
        for (var e : genres.entrySet()) {
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new BadQueryException("genres", "weight of '" + e.getKey() + "' must be finite and >= 0");
            }
            int i = e.getKey() == null ? -1 : dims.indexOf(e.getKey().toLowerCase(Locale.ROOT).strip());
            if (i < 0) {
                unknown.add(e.getKey());
            } else {
                v[i] += w.floatValue();
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadQueryException("genres", "unknown genres: " + unknown);
        }
        return nonZero(v, "genres");
    }

    static float[] dense(float[] vector, int dimension) {
        if (vector.length != dimension) {
            throw new BadQueryException("vector", "vector has " + vector.length + " dimensions, the collection "
                    + dimension);
        }
        for (float x : vector) {
            if (!Float.isFinite(x)) {
                throw new BadQueryException("vector", "vector values must be finite");
            }
        }
        return nonZero(vector.clone(), "vector");
    }

    static int item(String ref, LoadedCollection c) {
        int colon = ref.indexOf(':');
        Character code = colon < 1 ? null : TYPES.get(ref.substring(0, colon).toLowerCase(Locale.ROOT));
        long id;
        try {
            id = code == null ? -1 : Long.parseLong(ref.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (code == null || id < 0) {
            throw new BadQueryException("item", "item must look like song:123, playlist:1000001 or artist:7");
        }
        int item = c.items().find(code, id);
        if (item < 0) {
            throw new UnknownItemException(ref + " is not in collection " + c.manifest().name());
        }
        return item;
    }

    private static float[] nonZero(float[] v, String field) {
        for (float x : v) {
            if (x != 0f) {
                return v;
            }
        }
        throw new BadQueryException(field, "the query vector is empty (all zero)");
    }
}
