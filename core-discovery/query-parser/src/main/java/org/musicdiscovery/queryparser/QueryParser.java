package org.musicdiscovery.queryparser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.queryparser.lexicon.ClosedClasses;
import org.musicdiscovery.queryparser.lexicon.ModelFiles;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;
import org.musicdiscovery.queryparser.lexicon.QuantifierScale;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;
import org.musicdiscovery.queryparser.tokenize.Token;

/**
 * Free text → {@link ParsedQuery}. A hybrid: closed classes (genres and aliases, quantifiers, percentages,
 * negation, item types, similarity cues) come from dictionaries, open classes (artists, tracks) from the OpenNLP
 * name finder; both see the same tokens. Construct once (loads the models from the classpath); {@link #parse} is
 * thread-safe and never throws — what is not understood becomes keyword text.
 */
public final class QueryParser {

    public static final int MAX_INPUT = 1000;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[.,]\\d+)?%?");
    private static final Span[] NO_SPANS = new Span[0];
    /** The fillers a genre mix is written with; other fillers may be a name ("The The", "do you want to dance"). */
    private static final Set<String> CONNECTIVES = Set.of("a", "an", "and", "or", "of");

    private final PhraseGazetteer genres;
    private final PhraseGazetteer artistNames;
    private final EntityFinder entities;

    public QueryParser() {
        this(PhraseGazetteer.fromClasspath(), PhraseGazetteer.fromClasspath(ModelFiles.ARTISTS),
                EntityFinder.fromClasspath());
    }

    QueryParser(PhraseGazetteer genres, PhraseGazetteer artistNames, EntityFinder entities) {
        this.genres = genres;
        this.artistNames = artistNames;
        this.entities = entities;
    }

    public ParsedQuery parse(String input) {
        String text = clip(input == null ? "" : input.strip());
        try {
            return parseClipped(text);
        } catch (RuntimeException e) {
            // a parser bug must not fail a search: degrade to a plain keyword query
            return new ParsedQuery(ParsedQuery.Mode.keyword, "any", new LinkedHashMap<>(), List.of(), List.of(), null,
                    text);
        }
    }

    private ParsedQuery parseClipped(String text) {
        List<Token> tokens = QueryTokenizer.tokenize(text);
        Span[] found = mayNameSomething(tokens) ? entities.find(QueryTokenizer.texts(tokens)) : NO_SPANS;
        Span[] entityAt = new Span[tokens.size()];
        for (Span s : found) {
            entityAt[s.getStart()] = s;
        }
        MixBuilder mix = new MixBuilder();
        List<String> artists = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        String itemType = "any";
        SeedBuilder seed = null;
        boolean negated = false;
        for (int i = 0; i < tokens.size(); ) {
            Token t = tokens.get(i);
            PhraseGazetteer.Match genre = genres.match(tokens, i);
            // genre words win over a name starting there ("techno at work" is no track), except right after a
            // similarity cue, where a name is expected ("songs like Rock With You")
            Span entity = name(tokens, entityAt[i], i);
            if (entity != null && genre != null
                    && !(seed != null && seed.expectsName() && entity.length() > genre.tokens())) {
                entity = null;
            }
            if (entity != null) {
                String name = text.substring(t.start(), tokens.get(entity.getEnd() - 1).end());
                if (entity.getType().equals("artist") && !artists.contains(name)) {
                    artists.add(name);
                }
                if (seed != null) {
                    seed.entity(entity.getType(), name);
                }
                rest.add(name);
                mix.interrupt();
                negated = false;
                i = entity.getEnd();
                continue;
            }
            if (genre != null) {
                mix.genre(genre.canonical(), negated);
                if (seed != null) {
                    seed.genre();
                }
                i += genre.tokens();
                continue;
            }
            if (!t.isWord()) {
                i++;
                continue;
            }
            int percent = percent(tokens, i);
            if (percent > 0) {
                double value = Double.parseDouble(t.text().replace("%", "").replace(',', '.'));
                mix.percent(value);
                i += percent;
                continue;
            }
            int q = phrase(tokens, i, QuantifierScale.maxTokens(), k -> QuantifierScale.weight(k) != null);
            if (q > 0) {
                mix.quantifier(QuantifierScale.weight(keys(tokens, i, q)));
                i += q;
                continue;
            }
            int neg = phrase(tokens, i, 2, ClosedClasses.NEGATIONS::contains);
            if (neg > 0) {
                negated = true;
                i += neg;
                continue;
            }
            int cue = phrase(tokens, i, 4, ClosedClasses.SIMILARITY::contains);
            if (cue > 0 && seed == null && i + cue < tokens.size()) {
                seed = new SeedBuilder(text.substring(tokens.get(i + cue - 1).end()));
                i += cue;
                continue;
            }
            String type = ClosedClasses.ITEM_TYPES.get(t.key());
            if (type != null) {
                itemType = "any".equals(itemType) ? type : itemType;
            } else if (ClosedClasses.NEGATION_RESET.contains(t.key())) {
                negated = false;
            } else if (!ClosedClasses.FILLER.contains(t.key())) {
                rest.add(t.text());
                negated = false;
            }
            mix.interrupt();
            i++;
        }
        return assemble(text, mix, artists, rest, itemType, seed);
    }

    /**
     * Whether the name finder can change the parse: some word is none of the closed classes (genres, percentages,
     * quantifiers, negations, item types, connectives), or there is a similarity cue, which expects a name. Genre words
     * win over a name found on them, so for a genre mix alone ("mostly jazz with some soul") the model, the
     * parser's largest cost, is skipped. A name the artist list knows still counts without it (see {@link #name}).
     */
    private boolean mayNameSomething(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); ) {
            if (phrase(tokens, i, 4, ClosedClasses.SIMILARITY::contains) > 0) {
                return true;
            }
            PhraseGazetteer.Match genre = genres.match(tokens, i);
            int closed = genre != null ? genre.tokens() : tokens.get(i).isWord() ? closedPhrase(tokens, i) : 1;
            if (closed == 0) {
                return true;
            }
            i += closed;
        }
        return false;
    }

    /** Tokens making up a closed-class phrase other than a genre at i (the longest the parse loop would take), or 0. */
    private static int closedPhrase(List<Token> tokens, int i) {
        int n = percent(tokens, i);
        if (n == 0) {
            n = phrase(tokens, i, QuantifierScale.maxTokens(), k -> QuantifierScale.weight(k) != null);
        }
        if (n == 0) {
            n = phrase(tokens, i, 2, ClosedClasses.NEGATIONS::contains);
        }
        String key = tokens.get(i).key();
        boolean word = ClosedClasses.ITEM_TYPES.containsKey(key) || ClosedClasses.NEGATION_RESET.contains(key)
                || CONNECTIVES.contains(key);
        return n == 0 && word ? 1 : n;
    }

    /**
     * The name at token i: a name-finder artist span is snapped to the catalogue artist name starting there when
     * that is longer, or shorter and followed by a filler word ("calvin richardson at work" → "calvin richardson");
     * a catalogue name of two or more words that are not all
     * filler counts on its own; a track span stands as found.
     */
    private Span name(List<Token> tokens, Span found, int i) {
        PhraseGazetteer.Match known = tokens.get(i).isWord() ? artistNames.match(tokens, i) : null;
        if (known != null && found != null && found.getType().equals("artist") && known.tokens() < found.length()
                && !ClosedClasses.FILLER.contains(tokens.get(i + known.tokens()).key())) {
            return found; // "Caetano Veloso" stays whole though "Caetano" is a name; "X at work" is cut at "at"
        }
        if (known != null && (found == null || found.getType().equals("artist")
                || found.length() <= known.tokens())) {
            int words = words(tokens, i, known.tokens());
            boolean confirmed = found != null || words >= 2 && !allFiller(tokens, i, known.tokens());
            return confirmed ? new Span(i, i + known.tokens(), "artist") : found;
        }
        return found;
    }

    private static int words(List<Token> tokens, int i, int n) {
        int words = 0;
        for (int j = i; j < i + n; j++) {
            words += tokens.get(j).isWord() ? 1 : 0;
        }
        return words;
    }

    private boolean allFiller(List<Token> tokens, int i, int n) {
        for (int j = i; j < i + n; j++) {
            String k = tokens.get(j).key();
            if (!k.isEmpty() && !ClosedClasses.FILLER.contains(k) && !ClosedClasses.ITEM_TYPES.containsKey(k)
                    && QuantifierScale.weight(k) == null && genres.canonical(k) == null) {
                return false;
            }
        }
        return true;
    }

    private static ParsedQuery assemble(String text, MixBuilder mix, List<String> artists, List<String> rest,
                                        String itemType, SeedBuilder seedBuilder) {
        ParsedQuery.Seed seed = seedBuilder == null ? null : seedBuilder.build(itemType);
        if (seed != null && seed.artist() != null && !artists.contains(seed.artist())) {
            artists.add(seed.artist());
        }
        var weights = mix.weights();
        String leftover = clip(String.join(" ", rest));
        ParsedQuery.Mode mode = seed != null ? ParsedQuery.Mode.similar
                : !weights.isEmpty() ? ParsedQuery.Mode.genre : ParsedQuery.Mode.keyword;
        String keywordText = mode == ParsedQuery.Mode.keyword && leftover.isBlank() ? text : leftover;
        return new ParsedQuery(mode, itemType, weights, mix.excluded(), List.copyOf(artists), seed, keywordText);
    }

    /** Tokens making up a percentage at i ("70%", "70 %", "70 percent"), or 0. */
    private static int percent(List<Token> tokens, int i) {
        String t = tokens.get(i).text();
        if (!NUMBER.matcher(t).matches()) {
            return 0;
        }
        if (t.endsWith("%")) {
            return 1;
        }
        if (i + 1 < tokens.size()) {
            String next = tokens.get(i + 1).text().toLowerCase(Locale.ROOT);
            if (next.equals("%") || next.equals("percent") || next.equals("pct")) {
                return 2;
            }
        }
        return 0;
    }

    /** Longest phrase of at most {@code max} word tokens at i whose joined key satisfies {@code known}, or 0. */
    private static int phrase(List<Token> tokens, int i, int max, java.util.function.Predicate<String> known) {
        for (int n = Math.min(max, tokens.size() - i); n > 0; n--) {
            if (known.test(keys(tokens, i, n))) {
                return n;
            }
        }
        return 0;
    }

    private static String keys(List<Token> tokens, int i, int n) {
        StringBuilder sb = new StringBuilder();
        for (int j = i; j < i + n; j++) {
            if (j > i) {
                sb.append(' ');
            }
            sb.append(tokens.get(j).key());
        }
        return sb.toString();
    }

    /** At most {@link #MAX_INPUT} characters, never splitting a surrogate pair. */
    static String clip(String s) {
        if (s.length() <= MAX_INPUT) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_INPUT - 1)) ? MAX_INPUT - 1 : MAX_INPUT;
        return s.substring(0, end);
    }
}
