package org.musicdiscovery.catalogue.genre;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.Fixture;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagGenreMapperTest {

    private final TagGenreMapper mapper = new TagGenreMapper(GenreVocabulary.load(Fixture.dir()));

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "rock|rock|CANONICAL",
            "Hip-Hop|hip hop|CANONICAL",
            "hip hop|hip hop|CANONICAL",
            "hiphop|hip hop|ALIAS",
            "rap|hip hop|ALIAS",
            "rnb|rhythm and blues|ALIAS",
            "r&b|rhythm and blues|ALIAS",
            "rhythm and blues|rhythm and blues|CANONICAL",
            "rock n roll|rock and roll|ALIAS",
            "alternative  punk|punk rock|ALIAS",
            "classic soul|soul|ALIAS",
            "classic rock|classic rock|CANONICAL",
            "classic funk|funk|DERIVED",
            "christmas|christmas music|ALIAS",
            "blues music|blues|DERIVED",
            "favorites|-|STOP",
            "love|-|STOP",
            "loved|-|STOP",
            "00s|-|STOP",
            "80's|-|STOP",
            "1980s|-|STOP",
            "2009|-|STOP",
            "male vocalists|-|STOP",
            "female vocalist|-|STOP",
            "seen live|-|STOP",
            "awesome|-|STOP",
            "mellow|-|STOP",
            "oldies|-|STOP",
            "vocal|-|STOP",
            "<3|-|STOP",
            "heard on pandora|-|STOP",
            "drjazzmrfunkmusic|-|STOP",
            "glitch hop|-|UNMAPPED",
    })
    void mapsTags(String tag, String genre, TagMapping.Rule rule) {
        assertEquals(new TagMapping(tag, genre, rule), mapper.map(tag));
    }

    @Test
    void genresReachedByCollapsesSpellings() {
        assertEquals(List.of("hip hop", "rhythm and blues"),
                List.copyOf(mapper.genresReachedBy(List.of("rap", "hip-hop", "rnb", "favorites", "80s"))));
    }
}
