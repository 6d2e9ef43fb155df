package org.musicdiscovery.core.parse;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every spelling of every genre the catalogue uses (canonical names and aliases such as "hiphop", "r&b", "rnb"),
 * normalised the way the parser tokenises, so phrases of up to {@link #maxTokens()} tokens can be looked up.
 */
public final class GenreLexicon {
    private final Map<String, String> spellings = new HashMap<>();
    private int maxTokens = 1;

    /** @param spellings any spelling → canonical genre name */
    public GenreLexicon(Map<String, String> spellings) {
        spellings.forEach((spelling, canonical) -> {
            String key = key(spelling);
            if (!key.isEmpty()) {
                this.spellings.putIfAbsent(key, canonical);
                maxTokens = Math.max(maxTokens, key.split(" ").length);
            }
        });
    }

    public Optional<String> canonical(String phrase) {
        return Optional.ofNullable(spellings.get(key(phrase)));
    }

    public int maxTokens() {
        return maxTokens;
    }

    public int size() {
        return spellings.size();
    }

    /** Lower case, accents folded, '&' kept (r&b), '-' and '_' as spaces, other punctuation dropped. */
    static String key(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        n = n.replace('-', ' ').replace('_', ' ').replaceAll("[^\\p{L}\\p{N}&' ]+", " ").replace("'", "");
        return n.replaceAll("\\s+", " ").strip();
    }
}
