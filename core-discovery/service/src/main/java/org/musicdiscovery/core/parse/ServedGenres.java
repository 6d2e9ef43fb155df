package org.musicdiscovery.core.parse;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musicdiscovery.api.ParsedQuery;

/**
 * The genres the catalogue actually holds items for, and the vocabulary's hierarchy above them. The parser knows
 * every genre of the vocabulary (1,766 with aliases); only a few hundred carry items, and vector-search rejects a
 * dimension it does not have. So a parsed genre without items is lifted to its nearest ancestor that has them
 * ("bebop" → "jazz" in a catalogue without bebop), weights merge, and a genre query left with no served genre
 * becomes a keyword query of its text instead of an empty page.
 *
 * @param used    canonical genres carried by at least one item
 * @param parents canonical genre → its parent in the vocabulary tree (roots absent)
 */
public record ServedGenres(Set<String> used, Map<String, String> parents) {

    public ServedGenres {
        used = Set.copyOf(used);
        parents = Map.copyOf(parents);
    }

    public static ServedGenres none() {
        return new ServedGenres(Set.of(), Map.of());
    }

    public boolean isEmpty() {
        return used.isEmpty();
    }

    /** The genre itself if served, else its nearest served ancestor, else null. */
    public String served(String genre) {
        Set<String> seen = new HashSet<>();
        for (String g = genre; g != null && seen.add(g); g = parents.get(g)) {
            if (used.contains(g)) {
                return g;
            }
        }
        return null;
    }

    /**
     * The query with every genre mapped onto served genres (weights renormalised to 1); a genre query left without
     * any becomes a keyword query of {@code original}.
     */
    public ParsedQuery resolve(ParsedQuery q, String original) {
        if (q.genres() == null || q.genres().isEmpty() || isEmpty()) {
            return q;
        }
        Map<String, Double> merged = new LinkedHashMap<>();
        q.genres().forEach((g, w) -> {
            String s = served(g);
            if (s != null && !q.excluded().contains(s)) {
                merged.merge(s, w, Double::sum);
            }
        });
        double sum = merged.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> genres = new LinkedHashMap<>();
        merged.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> genres.put(e.getKey(), Math.round(e.getValue() / sum * 10_000) / 10_000.0));
        ParsedQuery.Mode mode = q.mode();
        String text = q.text();
        if (genres.isEmpty() && mode == ParsedQuery.Mode.genre) {
            mode = ParsedQuery.Mode.keyword;
            text = original;
        }
        return new ParsedQuery(mode, q.itemType(), genres, List.copyOf(q.excluded()), q.artists(), q.seed(), text);
    }
}
