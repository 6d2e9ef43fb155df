package org.musicdiscovery.queryparser.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;
import org.musicdiscovery.queryparser.tokenize.Token;

/**
 * A closed list of phrases matched longest first over token keys: every spelling of every catalogue genre
 * (canonical names and aliases such as "hiphop", "r&amp;b", "rnb", "rock n roll"; "drum and bass" beats "drum"),
 * or the catalogue's artist names. Immutable and thread-safe; loaded from the committed files next to the models
 * ({@link ModelFiles#GENRES}, {@link ModelFiles#ARTISTS}) so parsing needs no data dir.
 */
public final class PhraseGazetteer {

    /** A phrase found at a token position: its canonical form and how many tokens it spans. */
    public record Match(String canonical, int tokens) {
    }

    private static final String QUOTES = "'’`\"";

    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, String> spellings;
    private int maxWords = 1;

    /** @param spellings any spelling → canonical genre */
    public PhraseGazetteer(Map<String, String> spellings) {
        this.spellings = new LinkedHashMap<>(spellings);
        spellings.forEach((spelling, canonical) -> {
            String key = QueryTokenizer.key(spelling);
            if (!key.isEmpty()) {
                byKey.putIfAbsent(key, canonical);
                maxWords = Math.max(maxWords, key.split(" ").length);
            }
        });
    }

    /** The genre gazetteer. */
    public static PhraseGazetteer fromClasspath() {
        return fromClasspath(ModelFiles.GENRES);
    }

    public static PhraseGazetteer fromClasspath(String resource) {
        try (InputStream in = PhraseGazetteer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " (is query-parser-models on the classpath?)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines "spelling TAB canonical"; blank and '#' lines skipped. */
    public static PhraseGazetteer parse(List<String> lines) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            if (!line.isBlank() && !line.startsWith("#") && f.length == 2) {
                map.putIfAbsent(f[0].strip(), f[1].strip());
            }
        }
        return new PhraseGazetteer(map);
    }

    /** Longest phrase starting at word token {@code i}; punctuation inside ("rock 'n' roll") is skipped. */
    public Match match(List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        Match best = null;
        int words = 0;
        for (int j = i; j < tokens.size() && words < maxWords + 2; j++) {
            Token t = tokens.get(j);
            if (!t.isWord()) {
                if (QUOTES.indexOf(t.text().charAt(0)) >= 0) {
                    continue; // "rock 'n' roll"
                }
                break; // a comma or slash ends the phrase: "Electronic, music" is not "electronic music"
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(t.key());
            words += t.key().split(" ").length;
            String canonical = byKey.get(key.toString());
            if (canonical != null) {
                best = new Match(canonical, j - i + 1);
            }
        }
        return best;
    }

    public String canonical(String spelling) {
        return byKey.get(QueryTokenizer.key(spelling));
    }

    /** Spelling → canonical, as loaded (used by the query generator). */
    public Map<String, String> spellings() {
        return spellings;
    }

    public int size() {
        return byKey.size();
    }
}
