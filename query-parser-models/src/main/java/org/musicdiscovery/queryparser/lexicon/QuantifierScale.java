package org.musicdiscovery.queryparser.lexicon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quantifier phrase → raw genre weight. Monotone by intent: a trace &lt; a little &lt; a bit &lt; some &lt;
 * (no quantifier) &lt; lots of &lt; mostly. Raw weights are normalised to sum 1 over the query's genres, so
 * "blues with a little rock" = 0.60 / 0.15 → 0.80 / 0.20. Keys are token keys ({@code QueryTokenizer.key}).
 */
public final class QuantifierScale {

    /** Weight of a genre named without a quantifier. */
    public static final double UNQUANTIFIED = 0.60;

    public enum Level {
        TRACE(0.10, "a touch of", "a hint of", "a dash of", "a pinch of", "a trace of", "touch of", "hint of",
                "a smidge of", "a sprinkle of"),
        LITTLE(0.15, "a little", "a little bit of", "little", "a tiny bit of", "slightly", "a small amount of"),
        BIT(0.20, "a bit of", "a bit", "bit of", "a few"),
        SOME(0.35, "some", "partly", "a fair bit of", "moderately"),
        LOTS(0.70, "lots of", "a lot of", "plenty of", "heavy", "heavily", "loads of", "tons of", "much"),
        MOSTLY(0.80, "mostly", "mainly", "primarily", "largely", "predominantly", "mostly just", "chiefly");

        public final double weight;
        public final List<String> phrases;

        Level(double weight, String... phrases) {
            this.weight = weight;
            this.phrases = List.of(phrases);
        }
    }

    private static final Map<String, Double> BY_PHRASE = new LinkedHashMap<>();
    private static int maxTokens;

    static {
        for (Level level : Level.values()) {
            for (String p : level.phrases) {
                BY_PHRASE.put(p, level.weight);
                maxTokens = Math.max(maxTokens, p.split(" ").length);
            }
        }
    }

    private QuantifierScale() {
    }

    /** Raw weight of a quantifier phrase given as a token key, or null if it is not one. */
    public static Double weight(String key) {
        return BY_PHRASE.get(key);
    }

    public static int maxTokens() {
        return maxTokens;
    }
}
