package org.musicdiscovery.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ParsedQuery.Mode;
import org.musicdiscovery.queryparser.QueryParser;

class ServedGenresTest {
    static final QueryParser PARSER = new QueryParser();
    static final ServedGenres SERVED = new ServedGenres(Set.of("jazz", "blues", "rock", "electronic", "soul"),
            Map.of("bebop", "jazz", "hard bop", "bebop", "techno", "electronic", "blues rock", "blues",
                    "a", "b", "b", "a"));

    ParsedQuery parse(String text) {
        ParsedQuery p = PARSER.parse(text);
        return SERVED.resolve(p, text);
    }

    @Test
    void servedGenresStayAsParsed() {
        ParsedQuery p = parse("Blues playlists with a little Rock");
        assertEquals(Mode.genre, p.mode());
        assertEquals("playlist", p.itemType());
        assertEquals(Map.of("blues", 0.8, "rock", 0.2), p.genres());
    }

    @Test
    void unservedGenreIsLiftedToNearestServedAncestor() {
        assertEquals("jazz", SERVED.served("hard bop"));
        assertEquals(Map.of("jazz", 0.8, "soul", 0.2), parse("hard bop with a little soul").genres());
        // both lift onto jazz: their weights merge
        assertEquals(Map.of("jazz", 1.0), parse("bebop meets hard bop").genres());
    }

    @Test
    void genreWithoutServedAncestorIsDroppedAndWeightsRenormalise() {
        assertNull(SERVED.served("polka"));
        assertNull(SERVED.served("a"), "a cycle in the parent table must not loop");
        ParsedQuery p = parse("70% polka 30% techno");
        assertEquals(Map.of("electronic", 1.0), p.genres());
        assertEquals(1.0, p.genres().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void genreQueryWithNothingServedBecomesKeywordSearchOfTheText() {
        ParsedQuery p = parse("polka");
        assertEquals(Mode.keyword, p.mode());
        assertEquals("polka", p.text());
        assertEquals(Map.of(), p.genres());
    }

    @Test
    void liftedGenreThatIsExcludedGetsNoWeight() {
        ParsedQuery p = parse("bebop but not jazz");
        assertEquals(List.of("jazz"), p.excluded());
        assertEquals(Mode.keyword, p.mode());
    }

    @Test
    void emptyVocabularyPassesQueriesThrough() {
        ParsedQuery p = PARSER.parse("polka with a little techno");
        assertEquals(p, ServedGenres.none().resolve(p, "polka with a little techno"));
    }

    @Test
    void keywordAndSimilarityQueriesAreUntouched() {
        assertEquals(Mode.keyword, parse("adele").mode());
        ParsedQuery similar = parse("songs like Hey Jude by The Beatles");
        assertEquals(Mode.similar, similar.mode());
        assertEquals("song", similar.itemType());
    }
}
