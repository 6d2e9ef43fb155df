package org.musicdiscovery.catalogue.genre;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Maps Last.fm tags onto canonical genres: normalise, drop non-genre tags (stop-list plus rules for decades,
 * years and personal labels), resolve canonical names and aliases, then try a few derivations
 * ("classic soul" to soul, "christmas" to "christmas music"). Thread-safe; results are memoised.
 */
public final class TagGenreMapper {

    static final String STOP_RESOURCE = "stop-tags.txt";

    /** "80s", "80's", "1980s", "2009", "10s": eras, not genres. */
    private static final Pattern ERA = Pattern.compile("^(\\d{2}|\\d{4})\\s?s$|^(19|20)\\d\\d$");
    /** personal or channel labels: favourites, "love it", "seen live", "male vocalists", radio stations. */
    private static final Pattern PERSONAL = Pattern.compile(
            "\\b(favou?rites?|favs?|faves|loved?|best|awesome|vocalists?|vocals?|seen live|playlist|radio|fm|pandora|my)\\b");
    private static final List<String> PREFIXES = List.of("classic ", "old school ", "modern ", "traditional ");

    private final GenreVocabulary vocabulary;
    private final Set<String> stopKeys;
    private final ConcurrentHashMap<String, TagMapping> memo = new ConcurrentHashMap<>();

    public TagGenreMapper(GenreVocabulary vocabulary) {
        this(vocabulary, GenreVocabulary.resourceLines(STOP_RESOURCE));
    }

    TagGenreMapper(GenreVocabulary vocabulary, Collection<String> stopTags) {
        this.vocabulary = vocabulary;
        this.stopKeys = new HashSet<>();
        stopTags.forEach(t -> stopKeys.add(GenreNames.key(t)));
        stopKeys.add(""); // "<3" and other symbol-only tags normalise to nothing
    }

    public GenreVocabulary vocabulary() {
        return vocabulary;
    }

    public TagMapping map(String tag) {
        return memo.computeIfAbsent(tag == null ? "" : tag, this::compute);
    }

    /** Canonical genres reached by a collection of tags (the genres a catalogue with these tags uses). */
    public SortedSet<String> genresReachedBy(Collection<String> tags) {
        SortedSet<String> out = new TreeSet<>();
        tags.forEach(t -> map(t).genreIfMapped().ifPresent(out::add));
        return out;
    }

    private TagMapping compute(String tag) {
        String key = GenreNames.key(tag);
        if (stopKeys.contains(key) || ERA.matcher(key).matches() || PERSONAL.matcher(key).find()) {
            return new TagMapping(tag, null, TagMapping.Rule.STOP);
        }
        var direct = vocabulary.canonical(key);
        if (direct.isPresent()) {
            return new TagMapping(tag, direct.get(), vocabulary.isAlias(key) ? TagMapping.Rule.ALIAS : TagMapping.Rule.CANONICAL);
        }
        for (String candidate : derivations(key)) {
            var derived = vocabulary.canonical(candidate);
            if (derived.isPresent()) {
                return new TagMapping(tag, derived.get(), TagMapping.Rule.DERIVED);
            }
        }
        return new TagMapping(tag, null, TagMapping.Rule.UNMAPPED);
    }

    private static List<String> derivations(String key) {
        List<String> out = new java.util.ArrayList<>();
        out.add(key + " music");
        if (key.endsWith(" music")) {
            out.add(key.substring(0, key.length() - " music".length()));
        }
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                out.add(key.substring(prefix.length()));
            }
        }
        return out;
    }
}
