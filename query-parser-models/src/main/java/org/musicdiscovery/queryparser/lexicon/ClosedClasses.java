package org.musicdiscovery.queryparser.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The small closed word lists of the query language, as token keys. Matched by the parser, used by the generator. */
public final class ClosedClasses {

    private ClosedClasses() {
    }

    /** Phrases after which named genres are excluded (until "with", "plus", "but" or a non-genre word). */
    public static final List<String> NEGATIONS = List.of("but not", "but no", "but without", "and not", "without",
            "minus", "except", "excluding", "not", "no", "nothing", "skip", "avoid", "sans");

    /** Words that end a negated run: "jazz without rock with some funk" wants funk again. */
    public static final Set<String> NEGATION_RESET = Set.of("with", "plus", "but", "yet", "meets", "mixed", "blended");

    /** Item-type words → ParsedQuery item type. */
    public static final Map<String, String> ITEM_TYPES = Map.ofEntries(
            Map.entry("song", "song"), Map.entry("songs", "song"), Map.entry("track", "song"),
            Map.entry("tracks", "song"), Map.entry("tune", "song"), Map.entry("tunes", "song"),
            Map.entry("single", "song"), Map.entry("singles", "song"),
            Map.entry("playlist", "playlist"), Map.entry("playlists", "playlist"), Map.entry("mix", "playlist"),
            Map.entry("mixes", "playlist"), Map.entry("mixtape", "playlist"), Map.entry("mixtapes", "playlist"),
            Map.entry("artist", "artist"), Map.entry("artists", "artist"), Map.entry("band", "artist"),
            Map.entry("bands", "artist"), Map.entry("singer", "artist"), Map.entry("singers", "artist"),
            Map.entry("musician", "artist"), Map.entry("musicians", "artist"), Map.entry("group", "artist"),
            Map.entry("groups", "artist"));

    /** Phrases that introduce a similarity seed ("songs like Hey Jude", "artists similar to Adele"). */
    public static final List<String> SIMILARITY = List.of("similar to", "sounds like", "sound like", "that sound like",
            "in the style of", "reminiscent of", "like", "resembling", "related to", "along the lines of");

    /** Filler words that carry no search meaning; left out of keyword text. */
    public static final Set<String> FILLER = Set.of(
            "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "me", "my", "i", "im", "want", "wanna",
            "need", "play", "give", "find", "show", "some", "music", "please", "can", "could", "you", "get", "put",
            "with", "any", "stuff", "by", "from", "something", "listen", "hear", "search", "looking", "look", "us",
            "let", "lets", "s", "is", "are", "that", "which", "this", "would", "like", "love", "recommend",
            "recommendations", "good", "best", "great", "new", "meets", "plus", "mixed", "blend", "blended", "but",
            "not", "no", "without", "more", "less", "just", "only", "sounds", "sound", "similar", "style", "kind",
            "sort", "type", "vibes", "vibe", "about", "what", "whats", "there", "tunes", "ish", "also", "at", "up",
            "it", "its", "these", "those", "be", "was", "were", "will", "do", "does", "have", "has", "into", "out",
            "over", "than", "then", "too", "so", "if", "as", "all", "your", "our", "their", "we", "they", "off",
            "here", "now", "when", "how", "who");
}
