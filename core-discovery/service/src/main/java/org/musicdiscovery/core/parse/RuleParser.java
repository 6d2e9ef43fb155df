package org.musicdiscovery.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musicdiscovery.api.ParsedQuery;

/**
 * The dictionary half of the query parser: genres (with aliases), quantifiers, percentages, negation, item types
 * and similarity phrases are closed word lists, matched by longest phrase. Weights follow a documented monotone
 * scale, are overridden by explicit percentages and normalised to sum 1. Anything not understood stays text for
 * keyword search; no input makes it throw.
 *
 * <pre>
 * a hint/touch of 0.10 < a little 0.15 < a bit of 0.20 < some 0.35 < (no quantifier) 0.60 < lots of 0.70 < mostly 0.80
 * </pre>
 */
public final class RuleParser {
    static final int MAX_INPUT = 1000;
    static final double UNQUANTIFIED = 0.60;
    /** Quantifier phrases (normalised tokens) → weight; longest match wins. */
    static final Map<String, Double> QUANTIFIERS = Map.ofEntries(
            Map.entry("a hint of", 0.10), Map.entry("a touch of", 0.10), Map.entry("hint of", 0.10),
            Map.entry("touch of", 0.10), Map.entry("a dash of", 0.10), Map.entry("a little", 0.15),
            Map.entry("a little bit of", 0.15), Map.entry("little", 0.15), Map.entry("a bit of", 0.20),
            Map.entry("a bit", 0.20), Map.entry("bit of", 0.20), Map.entry("some", 0.35), Map.entry("partly", 0.35),
            Map.entry("lots of", 0.70), Map.entry("a lot of", 0.70), Map.entry("plenty of", 0.70),
            Map.entry("heavy", 0.70), Map.entry("much", 0.70), Map.entry("mostly", 0.80), Map.entry("mainly", 0.80),
            Map.entry("primarily", 0.80), Map.entry("largely", 0.80));
    static final List<String> NEGATIONS = List.of("but not", "but no", "without", "minus", "except", "not", "no");
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("song", "song"), Map.entry("songs", "song"),
            Map.entry("track", "song"), Map.entry("tracks", "song"), Map.entry("tune", "song"),
            Map.entry("tunes", "song"), Map.entry("playlist", "playlist"), Map.entry("playlists", "playlist"),
            Map.entry("mix", "playlist"), Map.entry("mixes", "playlist"), Map.entry("artist", "artist"),
            Map.entry("artists", "artist"), Map.entry("band", "artist"), Map.entry("bands", "artist"),
            Map.entry("singer", "artist"), Map.entry("singers", "artist"), Map.entry("musicians", "artist"));
    static final List<String> SIMILAR = List.of("similar to", "sounds like", "sound like", "songs like",
            "artists like", "music like", "like");
    private static final Pattern PERCENT = Pattern.compile("^(\\d{1,3}(?:\\.\\d+)?)\\s*(%|percent|pct)$");
    private static final Pattern PERCENT_SIGN = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");
    private static final int MAX_QUANTIFIER_TOKENS = 4;

    private final GenreLexicon lexicon;

    public RuleParser(GenreLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public int vocabularySize() {
        return lexicon.size();
    }

    public ParsedQuery parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.length() > MAX_INPUT) {
            text = text.substring(0, MAX_INPUT);
        }
        List<String> tokens = tokens(text);
        Map<String, Double> weights = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        String itemType = "any";
        ParsedQuery.Seed seed = null;
        Double pending = null;
        boolean negate = false;
        for (int i = 0; i < tokens.size(); ) {
            int similar = match(tokens, i, SIMILAR);
            if (similar > 0 && i + similar < tokens.size() && seed == null && weights.isEmpty()) {
                if (tokens.get(i).equals("artists")) {
                    itemType = "artist";
                } else if (tokens.get(i).equals("songs")) {
                    itemType = "song";
                }
                seed = seed(String.join(" ", tokens.subList(i + similar, tokens.size())), itemType);
                break;
            }
            int neg = match(tokens, i, NEGATIONS);
            if (neg > 0) {
                negate = true;
                i += neg;
                continue;
            }
            Matcher pct = PERCENT.matcher(tokens.get(i) + (i + 1 < tokens.size()
                    && tokens.get(i + 1).matches("%|percent|pct") ? " " + tokens.get(i + 1) : ""));
            if (pct.matches()) {
                pending = Math.min(100, Double.parseDouble(pct.group(1))) / 100.0;
                i += pct.group(0).contains(" ") ? 2 : 1;
                continue;
            }
            int q = longestQuantifier(tokens, i);
            if (q > 0) {
                pending = QUANTIFIERS.get(String.join(" ", tokens.subList(i, i + q)));
                i += q;
                continue;
            }
            int g = longestGenre(tokens, i);
            if (g > 0) {
                String genre = lexicon.canonical(String.join(" ", tokens.subList(i, i + g))).orElseThrow();
                if (negate) {
                    if (!excluded.contains(genre)) {
                        excluded.add(genre);
                    }
                    weights.remove(genre);
                } else if (!excluded.contains(genre)) {
                    weights.merge(genre, pending != null ? pending : UNQUANTIFIED, Double::sum);
                }
                pending = null;
                i += g;
                continue;
            }
            String token = tokens.get(i);
            String type = TYPES.get(token);
            if (type != null) {
                itemType = "any".equals(itemType) ? type : itemType;
            } else if (token.matches("with|plus|meets|but|yet")) {
                negate = false; // "X without Y with some Z": Z is wanted again
            } else if (!token.matches("and|or|nor|&|of|a|an|the|in|for|me|play|give|find|show|some|music")) {
                rest.add(token);
                negate = false;
            }
            i++;
        }
        if (!weights.isEmpty()) {
            return new ParsedQuery(ParsedQuery.Mode.genre, itemType, normalised(weights), excluded, List.of(), null,
                    text);
        }
        if (seed != null) {
            return new ParsedQuery(ParsedQuery.Mode.similar, itemType, new LinkedHashMap<>(), excluded, List.of(),
                    seed, text);
        }
        String keyword = rest.isEmpty() ? text : String.join(" ", rest);
        return new ParsedQuery(ParsedQuery.Mode.keyword, itemType, new LinkedHashMap<>(), excluded, List.of(), null,
                keyword.isBlank() ? text : keyword);
    }

    /** "Hey Jude by The Beatles" → track + artist; for "artists like X", X is an artist. */
    static ParsedQuery.Seed seed(String phrase, String itemType) {
        int by = phrase.indexOf(" by ");
        if ("artist".equals(itemType)) {
            return new ParsedQuery.Seed(null, phrase);
        }
        return by > 0 ? new ParsedQuery.Seed(phrase.substring(0, by), phrase.substring(by + 4))
                : new ParsedQuery.Seed(phrase, null);
    }

    static Map<String, Double> normalised(Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), Math.round(e.getValue() / sum * 1e4) / 1e4));
        return out;
    }

    private int longestGenre(List<String> tokens, int i) {
        for (int n = Math.min(lexicon.maxTokens(), tokens.size() - i); n > 0; n--) {
            if (lexicon.canonical(String.join(" ", tokens.subList(i, i + n))).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    private static int longestQuantifier(List<String> tokens, int i) {
        for (int n = Math.min(MAX_QUANTIFIER_TOKENS, tokens.size() - i); n > 0; n--) {
            if (QUANTIFIERS.containsKey(String.join(" ", tokens.subList(i, i + n)))) {
                return n;
            }
        }
        return 0;
    }

    /** Length of the first phrase of {@code phrases} starting at token i, or 0. */
    private static int match(List<String> tokens, int i, List<String> phrases) {
        for (String p : phrases) {
            String[] words = p.split(" ");
            if (i + words.length <= tokens.size() && String.join(" ", tokens.subList(i, i + words.length)).equals(p)) {
                return words.length;
            }
        }
        return 0;
    }

    /** Tokens as the lexicon keys them, with "70%" kept as one token. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : GenreLexicon.key(PERCENT_SIGN.matcher(text).replaceAll(" $1pct ")).split(" ")) {
            if (!t.isBlank()) {
                out.add(t.endsWith("pct") && t.length() > 3 && Character.isDigit(t.charAt(0))
                        ? t.substring(0, t.length() - 3) + "%" : t);
            }
        }
        return out;
    }
}
